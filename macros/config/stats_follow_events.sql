{#
    corridor.stats_follow_events(): whether every enriched event before the
    earliest start int_corridor__events_enriched recomputed from in this
    invocation (corridor.events_enriched_scope) is the row the window
    aggregates' last build read: true when the events were built
    incrementally in this invocation and the window statistics' state
    (int_corridor__production_window_stats_state) names the invocation that
    built the events before, so the statistics (and the histograms built
    with them) last ran right after those events. False on a full build,
    when the enriched events did not compile in this invocation, and when
    either state is missing or names another build.

    Decided once per invocation, by the first model that asks, before the
    statistics and their state are rebuilt. Read by
    corridor.version_lookback_starts (it then compares only the windows from
    that start) and corridor.day_lookback_condition (it then keeps the day
    rows before the lookback's day).
#}
{% macro stats_follow_events() %}
    {{ return(adapter.dispatch('stats_follow_events', 'corridor')()) }}
{% endmacro %}

{% macro default__stats_follow_events() %}
    {%- if not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set decided = graph.setdefault('corridor_stats_follow_events', {}) -%}
    {%- if invocation_id not in decided -%}
        {%- set scope = corridor.events_enriched_scope() -%}
        {%- set state = corridor.built_model_relation('int_corridor__production_window_stats_state') -%}
        {%- do decided.update({invocation_id:
            scope is not none and scope['earliest'] is not none and scope['previous_invocation_id'] is not none
            and state is not none
            and run_query('select stats_invocation_id from ' ~ state).columns[0].values() | list
                == [scope['previous_invocation_id']]}) -%}
    {%- endif -%}
    {{ return(decided[invocation_id]) }}
{% endmacro %}
