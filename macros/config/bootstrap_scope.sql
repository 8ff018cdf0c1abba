{#
    Which histogram groups the Python bootstrap (int_corridor__bootstrap_intervals)
    must fingerprint on this run: only the calendar windows that
    int_corridor__value_histograms recomputed, when its other rows are
    provably the ones the bootstrap's stored intervals were computed from.

    corridor.bootstrap_scope(record=false): called with record=true once
    per invocation while the value histograms compile (before their
    pre-hook changes anything), and without it by
    int_corridor__bootstrap_scope. A dict, recorded once per invocation:

    - since: the earliest window start the value histograms recompute
      (corridor.lookback_start and the stale versions' starts,
      corridor.version_lookback_starts, the same corridor.lookback_condition
      deletes), aligned down to every bootstrap grain so a window that
      straddles it counts as recomputed (a SQL timestamp expression); none
      on a full build, or when the bootstrap's record below names no build;
    - previous_invocation_id: the invocation that last built the bootstrap
      right after the value histograms (int_corridor__bootstrap_scope's
      bootstrap_invocation_id, written by corridor.bootstrap_scope_hook
      and deleted by every build of the value histograms,
      corridor.state_invalidate): the value histograms' rows before `since`
      are then the rows that build fingerprinted. None when unknown (no
      record, a build that did not run both, Spark).

    Without record: this invocation's record, or none when the value
    histograms did not compile in it or while dbt parses.
#}
{% macro bootstrap_scope(record=false) %}
    {{ return(adapter.dispatch('bootstrap_scope', 'corridor')(record)) }}
{% endmacro %}

{% macro default__bootstrap_scope(record=false) %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set cache = graph.setdefault('corridor_bootstrap_scope', {}) -%}
    {%- if not record or invocation_id in cache -%}
        {{ return(cache.get(invocation_id)) }}
    {%- endif -%}
    {%- set state = corridor.built_model_relation('int_corridor__bootstrap_scope') -%}
    {%- set previous = [] -%}
    {%- if state is not none and target.type != 'spark' and corridor.relation_has_column(state, 'bootstrap_invocation_id') -%}
        {%- do previous.extend(run_query('select bootstrap_invocation_id from ' ~ state).columns[0].values()) -%}
    {%- endif -%}
    {%- set previous_invocation_id = previous[0] if previous | length == 1 else none -%}
    {%- set common_start = corridor.lookback_start() -%}
    {%- set since = [] -%}
    {%- if common_start is not none and previous_invocation_id is not none -%}
        {%- set earliest = [common_start] -%}
        {%- for version in corridor.version_lookback_starts() -%}
            {%- do earliest.append(version['start']) -%}
        {%- endfor -%}
        {%- set earliest = corridor.earliest_of(earliest) -%}
        {%- set aligned = [] -%}
        {%- for grain in corridor.bootstrap_grains() -%}
            {%- do aligned.append(corridor.window_start(grain, earliest)) -%}
        {%- endfor -%}
        {%- do since.append(corridor.earliest_of(aligned)) -%}
    {%- endif -%}
    {%- set scope = {
        'since': since[0] if since else none,
        'previous_invocation_id': previous_invocation_id,
    } -%}
    {%- do cache.update({invocation_id: scope}) -%}
    {{ return(scope) }}
{% endmacro %}
