{#
    What int_corridor__events_enriched recomputed in this invocation, for the
    models that keep their own record of its rows (the replay's snapshot,
    corridor.replay_event_snapshot) and can then read only those rows.

    corridor.events_enriched_scope(starts=none): recorded once per
    invocation by corridor.event_lookback_starts while the enriched events
    compile (starts: the model versions' own starts it returns). A dict:

    - common_start: corridor.lookback_day_start() (none on a full build:
      every row was recomputed);
    - starts: those versions' starts (SQL timestamp expressions);
    - earliest: the earliest of common_start and those starts (a SQL
      timestamp expression; none on a full build). Every event before it is
      the row the build before this one left;
    - previous_invocation_id: that build's invocation
      (int_corridor__events_enriched_state, read before this invocation
      rebuilds it); none when unknown: no state yet, one written by a
      corridor that did not record it, a build of the events that did not
      rebuild it (corridor.state_invalidate deleted it), and on Spark.

    Called without starts: this invocation's record, or none when the
    enriched events did not compile in it (a selection without them) or
    while dbt parses; nothing is queried.
#}
{% macro events_enriched_scope(starts=none) %}
    {{ return(adapter.dispatch('events_enriched_scope', 'corridor')(starts)) }}
{% endmacro %}

{% macro default__events_enriched_scope(starts=none) %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set cache = graph.setdefault('corridor_events_enriched_scope', {}) -%}
    {%- if starts is none or invocation_id in cache -%}
        {{ return(cache.get(invocation_id)) }}
    {%- endif -%}
    {%- set state = corridor.built_model_relation('int_corridor__events_enriched_state') -%}
    {%- set previous = [] -%}
    {%- if state is not none and target.type != 'spark' and corridor.relation_has_column(state, 'events_invocation_id') -%}
        {%- do previous.extend(run_query('select events_invocation_id from ' ~ state).columns[0].values()) -%}
    {%- endif -%}
    {%- set common_start = corridor.lookback_day_start() -%}
    {%- set earliest = [common_start] if common_start is not none else [] -%}
    {%- for version in starts if common_start is not none -%}
        {%- do earliest.append(version['start']) -%}
    {%- endfor -%}
    {%- set scope = {
        'common_start': common_start,
        'starts': starts,
        'earliest': corridor.earliest_of(earliest),
        'previous_invocation_id': previous[0] if previous | length == 1 else none,
    } -%}
    {%- do cache.update({invocation_id: scope}) -%}
    {{ return(scope) }}
{% endmacro %}
