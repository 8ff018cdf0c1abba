{#
    Late data anywhere in time. corridor.lookback_start() recomputes every
    window from a common start near the latest event; data that lands before
    that start (a model version that arrives with weeks of history, a day
    backfilled after the lookback passed it) would otherwise never reach the
    window statistics of an incremental run.

    corridor.version_lookback_starts(): on an incremental run, the model
    versions whose window statistics no longer match their events before the
    common lookback start, each with the start from which that version is
    recomputed. A version is stale from the first window (at the finest built
    grain, segment 'all') whose event, labelled, evaluable or positive
    (evaluable with label 1) count differs from what the model holds, or
    that exists on one side only; the start is aligned down like the common
    one (week, and month when built), so every recomputed window is
    recomputed whole. A new version is stale from its first event. A
    corrected classification label moves the positive count; a corrected
    regression label or score moves no count and is not detected (run
    --full-refresh after relabelling old events).

    When the enriched events were built incrementally in this invocation
    (corridor.events_enriched_scope) and the statistics were last built in
    the invocation those events' kept rows come from
    (int_corridor__production_window_stats_state), only the windows from the
    earliest start the events were recomputed from are compared: the earlier
    ones hold the events that build counted. Otherwise every window.

    Returns a list of dicts {model_id, model_version, start} (start: a SQL
    timestamp expression), empty on a full build. The query runs when the
    model and its pre-hook are compiled, before either changes the table, so
    both see the same list.
#}
{% macro version_lookback_starts() %}
    {{ return(adapter.dispatch('version_lookback_starts', 'corridor')()) }}
{% endmacro %}

{% macro default__version_lookback_starts() %}
    {%- set common_start = corridor.lookback_start() -%}
    {%- if common_start is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set grains = corridor.setting('corridor_window_grains') -%}
    {%- set finest = corridor.finest_grain(grains) -%}
    {%- set grain = finest if finest in grains else grains[0] -%}
    {%- set keys = ['model_id', 'model_version', 'window_start'] -%}
    {%- set counts = ['n_events', 'n_labeled', 'n_evaluated', 'n_positive'] -%}
    {#- the windows before the enriched events' recompute hold the events the statistics' last build counted when
        both ran in one invocation (corridor.stats_follow_events): compared from there on only -#}
    {%- set scope = corridor.events_enriched_scope() -%}
    {%- set since = corridor.window_start(grain, scope['earliest']) if corridor.stats_follow_events() else none -%}
    {%- set changed_query -%}
        with

        events as (

            {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}
            {{ corridor.where_clause('event_at >= ' ~ since if since is not none else none) }}

        ),

        current_cells as (

            select
                model_id,
                model_version,
                {{ grain }}_start as window_start,
                count(*) as n_events,
                sum(case when has_label then 1 else 0 end) as n_labeled,
                sum(case when is_evaluable then 1 else 0 end) as n_evaluated,
                sum(case when is_evaluable and label = 1 then 1 else 0 end) as n_positive
            from events
            group by model_id, model_version, {{ grain }}_start

        ),

        built_cells as (

            select model_id, model_version, window_start, n_events, n_labeled, n_evaluated, n_positive
            from {{ corridor.lookback_state_relation() }}
            where window_grain = {{ corridor.sql_string(grain) }}
                and segment_dimension = 'all'
                {%- if since is not none %}
                and window_start >= {{ since }}
                {%- endif %}

        )

        select
            coalesce(current_cells.model_id, built_cells.model_id) as model_id,
            coalesce(current_cells.model_version, built_cells.model_version) as model_version,
            min(coalesce(current_cells.window_start, built_cells.window_start)) as first_changed_at
        from current_cells
        full outer join built_cells
            on {{ corridor.keys_equal('current_cells', 'built_cells', keys) }}
        where current_cells.model_id is null
            or built_cells.model_id is null
            {%- for count in counts %}
            or current_cells.{{ count }} <> built_cells.{{ count }}
            {%- endfor %}
        group by 1, 2
    {%- endset -%}
    {{ return(corridor.stale_version_starts(changed_query)) }}
{% endmacro %}
