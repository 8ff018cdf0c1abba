{#
    corridor.lookback_state_relation(): the relation that holds what the
    previous run computed, from which every incremental model of the event
    pipeline derives the same lookback start: int_corridor__production_window_stats
    (its last_event_at, and its per-version counts for
    corridor.version_lookback_starts). None when that table does not exist
    yet (a first build: every incremental model then computes everything).

    Looked up in the graph, not with ref(): the models upstream of the window
    statistics (events, latency quantiles, histograms) read its state from
    the previous run, before it is rebuilt; the window statistics depend on
    them (-- depends_on), so it is always rebuilt after them.
#}
{% macro lookback_state_relation() %}
    {{ return(adapter.dispatch('lookback_state_relation', 'corridor')()) }}
{% endmacro %}

{% macro default__lookback_state_relation() %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.package_name == 'corridor'
        and node.name == 'int_corridor__production_window_stats' -%}
        {{ return(adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias)) }}
    {%- endfor -%}
    {{ return(none) }}
{% endmacro %}
