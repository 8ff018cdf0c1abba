{#-
    The input-level quality gate checks of this build, one row per input (or
    model id) × check, with window_grain 'input' and no window: freshness,
    schema changes, rows without a usable time, outcomes for unknown events,
    invalid labels or estimates, labels before their event, estimates without
    production, single-class labels, an empty input. The checks themselves are
    the registry corridor.input_gate_checks (macros/quality/gates/); this
    model builds the relations they read. Thresholds: corridor.gate_config.
-#}

with

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}

),

profile as (

    select * from {{ ref('int_corridor__event_window_profile') }}

),

quarantine as (

    select * from {{ ref('corridor_quarantine') }}

),

accounting as (

    select * from {{ ref('int_corridor__input_accounting') }}

),

outcomes as (

    select * from {{ ref('stg_corridor__outcomes') }}

),

estimates as (

    select * from {{ ref('stg_corridor__offline_estimates') }}

),

event_id_index as (

    select * from {{ ref('int_corridor__event_id_index') }}

),

schema_checks_base as (

    select * from {{ ref('int_corridor__input_schema_changes') }}

),

quarantine_counts as (

    select
        input_name,
        sum(case when {{ corridor.unwindowable_condition() }} then 1 else 0 end) as n_unwindowable,
        sum(case when reason_codes like '%unknown_event%' then 1 else 0 end) as n_unknown_event,
        sum(case when reason_codes like '%label%' then 1 else 0 end) as n_invalid_label,
        count(*) as n_quarantined,
        min(case when {{ corridor.unwindowable_condition() }} then reason_codes end) as example_unwindowable_reason

    from quarantine
    group by 1

),

inputs as (

    select
        accounting.input_name,
        accounting.input_relation,
        accounting.rows_read,
        coalesce(quarantine_counts.n_unwindowable, 0) as n_unwindowable,
        coalesce(quarantine_counts.n_unknown_event, 0) as n_unknown_event,
        coalesce(quarantine_counts.n_invalid_label, 0) as n_invalid_label,
        coalesce(quarantine_counts.n_quarantined, 0) as n_quarantined,
        quarantine_counts.example_unwindowable_reason

    from accounting
    left join quarantine_counts
        on accounting.input_name = quarantine_counts.input_name

),

outcome_counts as (

    select
        count(*) as n_outcomes,
        max(label_arrived_at) as last_arrival_at

    from outcomes

),

{# the valid outcomes that arrived before their (valid) event happened beyond the clock tolerance (before the last valid
   copy's time): the index keeps the ids where that happens, so only their outcomes are joined, not every outcome #}
early_outcomes as (

    select
        count(*) as n_early,
        min(outcomes_of_early_ids.event_id) as example_event_id

    from {{ ref('stg_corridor__outcomes') }} as outcomes_of_early_ids
    inner join event_id_index
        on outcomes_of_early_ids.event_id = event_id_index.event_id
    where event_id_index.first_valid_arrived_at < {{ corridor.early_label_cutoff('event_id_index.last_valid_event_at') }}
        and not {{ corridor.any_reason(corridor.outcome_rejection_reasons()) }}
        and outcomes_of_early_ids.label_arrived_at < {{ corridor.early_label_cutoff('event_id_index.last_valid_event_at') }}

),

outcome_summary as (

    select
        outcome_counts.*,
        early_outcomes.*
    from outcome_counts
    cross join early_outcomes

),

early_labels as (

    select
        coalesce(n_early, 0) as n_early,
        n_outcomes,
        example_event_id

    from outcome_summary

),

estimate_count as (

    select count(*) as n_estimates from estimates

),

{# usable offline estimates for a model that has no accepted production event #}
orphans as (

    select
        count(*) as n_orphan,
        {{ corridor.ordered_listagg('distinct model_id', "', '", 'order by model_id') }} as orphan_models

    from estimates
    where
        not {{ corridor.any_reason(corridor.estimate_rejection_reasons()) }}
        and not exists (
            select 1 from window_stats
            where window_stats.model_id = estimates.model_id
        )

),

orphan_estimates as (

    select
        orphans.n_orphan,
        estimate_count.n_estimates,
        orphans.orphan_models

    from orphans
    cross join estimate_count

),

freshness as (

    select
        'production_events' as input_name,
        max(coalesce(profile.last_loaded_at, spans_max.last_event_at)) as last_arrival_at,
        max(spans_max.last_event_at) is not null as has_rows

    from (select max(last_event_at) as last_event_at from window_stats) as spans_max
    left join profile
        on 1 = 1

    union all

    select
        'outcomes' as input_name,
        last_arrival_at,
        n_outcomes > 0 as has_rows

    from outcome_summary

),

freshness_end as (

    select max(last_arrival_at) as last_arrival_at from freshness

),

freshness_measured as (

    select
        freshness.input_name,
        freshness.last_arrival_at,
        freshness.has_rows,
        {%- if corridor.freshness_against_data_end() %}
        {#- the demo data is static: freshness is measured against its own end #}
        {{ dbt.datediff(
            'freshness.last_arrival_at', 'freshness_end.last_arrival_at', 'minute'
        ) }} / 60.0 as age_hours
        {%- else %}
        {{ dbt.datediff(
            'freshness.last_arrival_at', corridor.reference_time(), 'minute'
        ) }} / 60.0 as age_hours
        {%- endif %}

    from freshness
    {% if corridor.freshness_against_data_end() -%}
    cross join freshness_end
    {%- endif %}

),

labels_by_model as (

    select
        model_id,
        sum(n_evaluated) as n_evaluated,
        sum(n_positive) as n_positive

    from window_stats
    where
        segment_dimension = 'all'
        and window_grain = '{{ corridor.shortest_grain(corridor.setting('corridor_window_grains')) }}'
    group by 1

),

final as (

    {{ corridor.input_gate_checks() }}

)

select * from final
