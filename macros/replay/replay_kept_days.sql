{#
    corridor.replay_kept_days(): the days of the replay's last snapshot
    (int_corridor__replay_event_state) that this invocation's snapshot
    (corridor.replay_event_snapshot) takes as they are instead of scanning
    their events again.

    A dict {state, consumer, before} when int_corridor__events_enriched was
    built incrementally in this invocation (corridor.events_enriched_scope)
    and every row of the state was taken in the invocation that built the
    events before (its invocation_id): every event before `before` (the day
    of the earliest start the events were recomputed from, a SQL timestamp
    expression) is still the row that snapshot fingerprinted, so the state's
    days before it are what a scan would find (those of `consumer`: every
    model of one snapshot holds the same days). Otherwise none, and the
    snapshot scans every event: a full build, a selection without the
    enriched events, a state without rows or taken in another invocation (a
    build without the replay models, or one before the events' last build),
    or written by a corridor that did not record it.
#}
{% macro replay_kept_days() %}
    {{ return(adapter.dispatch('replay_kept_days', 'corridor')()) }}
{% endmacro %}

{% macro default__replay_kept_days() %}
    {%- set scope = corridor.events_enriched_scope() -%}
    {%- set state = corridor.built_model_relation('int_corridor__replay_event_state') -%}
    {%- if scope is none or scope['earliest'] is none or scope['previous_invocation_id'] is none or state is none
        or not corridor.relation_has_column(state, 'invocation_id') -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set stored = run_query(
        'select count(*), count(case when invocation_id = ' ~ corridor.sql_string(scope['previous_invocation_id'])
        ~ ' then 1 end), min(consumer) from ' ~ state).rows[0] -%}
    {%- if stored[0] == 0 or stored[0] != stored[1] -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return({'state': state, 'consumer': stored[2], 'before': corridor.window_start('day', scope['earliest'])}) }}
{% endmacro %}
