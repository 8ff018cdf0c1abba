{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.replay_label_arrivals_delete() }}",
    )
}}
{#-
    When the labels of each hour of production events had all arrived: one
    row per model version × event hour with the latest label_arrived_at of
    its accepted events' outcomes (an outcome without an arrival time counts
    as arrived from the start, as corridor_as_of treats it). A window's
    labels are complete at the latest arrival over its hours; the replay
    judges a label-dependent window only from then on, so the value it
    judges is the value the labels would have given at that time.

    The labels are those the build uses (int_corridor__events_enriched: each
    accepted event with its latest usable outcome, which is the latest to
    arrive of its outcomes that count): an outcome quarantined (invalid, or
    of an event with no accepted copy), a duplicate copy's hour and an
    outcome not yet arrived as of corridor_as_of move no window's
    completion. One scan of the enriched events, no join.

    Incremental by changed day (corridor.replay_increment, no state column of
    its own): the first replay model to compile, so it takes the replay's
    snapshot of the enriched events (corridor.replay_event_snapshot), after
    they were built (it reads them). On the delta path it reads only the
    events of the changed model versions from the hour of their first
    changed day's start (a local day may start inside a UTC hour), and its
    pre-hook deletes their hours from that hour on
    (corridor.replay_label_arrivals_delete): every earlier hour lies in
    days whose count and fingerprint are unchanged, so their labels and
    arrivals too, and the kept hours are a full build's. Other rules, no
    stored state for it, or Spark: every row again.
-#}
{%- set increment = corridor.replay_increment(stored_columns=[]) %}
{%- set changed = increment['changed'] if increment is not none and increment['path'] == 'delta' else none %}

with

events as (

    select * from {{ ref('int_corridor__events_enriched') }}
    where label is not null
    {%- if changed is not none %}
        and ({{ corridor.replay_changed_hours(changed, 'event_at') }})
    {%- endif %}

),

final as (

    select
        model_id,
        model_version,
        {{ dbt.date_trunc('hour', 'event_at') }} as event_hour,
        max(label_arrived_at) as labels_complete_at

    from events
    group by
        model_id,
        model_version,
        {{ dbt.date_trunc('hour', 'event_at') }}

)

select * from final
