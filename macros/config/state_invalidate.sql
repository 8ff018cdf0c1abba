{#
    corridor.state_invalidate(name): a pre-hook for a model whose last
    build a state model records (int_corridor__events_enriched_state,
    int_corridor__production_window_stats_state): deletes that record
    before the model changes, so a build that does not rebuild the state
    after it (a selection without it, a failure in between) leaves no
    record, and the next run takes the path that assumes nothing
    (corridor.events_enriched_scope, corridor.version_lookback_starts).
    Nothing while dbt parses, before the state exists, and on Spark (whose
    tables take no delete; the scope records no previous build there).
#}
{% macro state_invalidate(name) %}
    {{ return(adapter.dispatch('state_invalidate', 'corridor')(name)) }}
{% endmacro %}

{% macro default__state_invalidate(name) %}
    {%- set state = corridor.built_model_relation(name) -%}
    {%- if state is none or target.type == 'spark' -%}
        {{ return('') }}
    {%- endif -%}
    {{ return('delete from ' ~ state) }}
{% endmacro %}
