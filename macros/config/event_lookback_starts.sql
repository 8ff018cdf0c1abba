{#
    Late data anywhere in time, for int_corridor__events_enriched (the
    accepted events; corridor.version_lookback_starts does the same for the
    models that aggregate them).

    corridor.event_lookback_starts(): on an incremental run of
    int_corridor__events_enriched, the model versions whose stored events no
    longer match the inputs before the common lookback start
    (corridor.lookback_day_start: the events are recomputed from the
    lookback's day, not its week), each with the start from which that
    version is recomputed. A version is stale from the first window (at the finest
    built grain) whose number of accepted events
    (corridor.accepted_event_copies over the staging view) differs from the
    number the table holds, or that exists on one side only: a model version
    arriving with its history, a backfilled day, events removed from the
    input. The start is aligned down like the common one (week, and month
    when built), so every window downstream is recomputed whole.

    Labels arriving late count too: a window is also stale when the number
    of its accepted events carrying a label differs between the inputs
    (valid outcomes arrived by corridor_as_of) and the stored table, so an
    incremental run picks up late labels for events of any age.

    Not detected (run --full-refresh after such changes): old events or
    labels whose values change without changing a count.

    When the event id index took its delta path in this invocation
    (corridor.event_index_snapshot) and the enriched events were last built
    with the snapshot that delta starts from (int_corridor__events_enriched_state),
    only the events of the ids that arrived since can have changed: a
    version is then stale from the first of those events before the lookback
    start (corridor.event_delta_changes), and the scan below is not run.
    This also finds a corrected label (a new outcome) of an old event.

    Returns a list of dicts {model_id, model_version, start} (start: a SQL
    timestamp expression), empty on a full build. One scan of the staging
    views of events and outcomes before the lookback start per call (on the
    delta path, the rows of the changed ids only). Called by the enriched
    events, it records what they recompute (corridor.events_enriched_scope),
    and their pre-hook gets that record back: the same starts as the body,
    though the pre-hook after it deletes the state this reads
    (corridor.state_invalidate).
#}
{% macro event_lookback_starts() %}
    {{ return(adapter.dispatch('event_lookback_starts', 'corridor')()) }}
{% endmacro %}

{% macro default__event_lookback_starts() %}
    {%- set snapshot = corridor.event_index_snapshot(take=false) if execute else none -%}
    {%- if snapshot is not none and model.name not in snapshot['consumers'] -%}
        {%- do snapshot['consumers'].append(model.name) -%}
    {%- endif -%}
    {#- the pre-hook (the delete) takes the body's answer as recorded, whatever its state says by then -#}
    {%- set recorded = corridor.events_enriched_scope() if model.name == 'int_corridor__events_enriched' else none -%}
    {%- if recorded is not none -%}
        {{ return(recorded['starts']) }}
    {%- endif -%}
    {%- set common_start = corridor.lookback_day_start() -%}
    {%- set found = namespace(starts=[] if common_start is none else none) -%}
    {%- set delta = snapshot['delta'] if snapshot is not none and common_start is not none else none -%}
    {%- set state = corridor.built_model_relation('int_corridor__events_enriched_state') if delta is not none else none -%}
    {%- if state is not none and delta['previous_invocation_id'] is not none -%}
        {%- set built_with = run_query('select index_invocation_id from ' ~ state).columns[0].values() -%}
        {%- if built_with | length == 1 and built_with[0] == delta['previous_invocation_id'] -%}
            {%- set found.starts = corridor.stale_version_starts(corridor.event_delta_changes(delta, common_start), common_start) -%}
        {%- endif -%}
    {%- endif -%}
    {%- if found.starts is none -%}
        {%- set grains = corridor.setting('corridor_window_grains') -%}
        {%- set finest = corridor.finest_grain(grains) -%}
        {%- set grain = finest if finest in grains else grains[0] -%}
        {%- set keys = ['model_id', 'model_version', 'window_start'] -%}
        {%- set arrived = corridor.outcome_arrival_condition() -%}
        {%- set changed_query -%}
            with

            accepted as (

                {{ corridor.accepted_event_copies(
                    ref('stg_corridor__production_events'),
                    ref('int_corridor__duplicate_event_ids'),
                    ref('int_corridor__duplicate_event_copies'),
                    'event_at < ' ~ common_start) }}

            ),

            labelled as (

                select distinct event_id
                from {{ ref('stg_corridor__outcomes') }}
                where not {{ corridor.any_reason(corridor.outcome_rejection_reasons()) }}
                    and label is not null
                    {%- if arrived is not none %}
                    and {{ arrived }}
                    {%- endif %}

            ),

            current_cells as (

                select
                    accepted.model_id,
                    accepted.model_version,
                    {{ corridor.window_start(grain, 'accepted.event_at') }} as window_start,
                    count(*) as n_events,
                    count(labelled.event_id) as n_labelled
                from accepted
                left join labelled
                    on accepted.event_id = labelled.event_id
                group by 1, 2, 3

            ),

            stored_cells as (

                select
                    model_id,
                    model_version,
                    {{ corridor.window_start(grain, 'event_at') }} as window_start,
                    count(*) as n_events,
                    count(label) as n_labelled
                from {{ this }}
                where event_at < {{ common_start }}
                group by 1, 2, 3

            )

            select
                coalesce(current_cells.model_id, stored_cells.model_id) as model_id,
                coalesce(current_cells.model_version, stored_cells.model_version) as model_version,
                min(coalesce(current_cells.window_start, stored_cells.window_start)) as first_changed_at
            from current_cells
            full outer join stored_cells
                on {{ corridor.keys_equal('current_cells', 'stored_cells', keys) }}
            where current_cells.model_id is null
                or stored_cells.model_id is null
                or current_cells.n_events <> stored_cells.n_events
                or current_cells.n_labelled <> stored_cells.n_labelled
            group by 1, 2
        {%- endset -%}
        {%- set found.starts = corridor.stale_version_starts(changed_query, common_start) -%}
    {%- endif -%}
    {#- what the enriched events recompute, for the models that keep a record of their rows -#}
    {%- if execute and model.name == 'int_corridor__events_enriched' -%}
        {%- do corridor.events_enriched_scope(found.starts) -%}
    {%- endif -%}
    {{ return(found.starts) }}
{% endmacro %}
