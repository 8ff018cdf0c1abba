{#-
    The window-level quality gate checks of this build, one row per input ×
    window × check, for every production window of every model id and grain
    (window_grain hour/day/week): volume, null rates, label maturity,
    duplicates, impossible, unparseable and future values, unknown model
    versions, new segment values, late rows. The checks themselves are the
    registry corridor.window_gate_checks (macros/quality/gates/); this model
    builds the one relation they read (windows). Thresholds:
    corridor.gate_config.
-#}
with

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}

),

production_windows as (

    select * from {{ ref('int_corridor__production_windows') }}

),

profile as (

    select * from {{ ref('int_corridor__event_window_profile') }}

),

grid as (

    select
        model_id,
        window_grain,
        window_start,
        max(window_end) as window_end

    from production_windows
    where segment_dimension = 'all'
    group by 1, 2, 3

),

accepted as (

    select
        model_id,
        window_grain,
        window_start,
        sum(n_events) as n_events,
        sum(n_labeled) as n_labeled

    from window_stats
    where segment_dimension = 'all'
    group by 1, 2, 3

),

spans as (

    select
        model_id,
        {{ corridor.window_start('hour', 'min(first_event_at)') }} as span_start,
        {{ dbt.dateadd('hour', 1, corridor.window_start('hour', 'max(last_event_at)')) }} as span_end

    from window_stats
    where segment_dimension = 'all'
    group by 1

),

data_reference as (

    select
        {{ corridor.gate_reference_at('last_event_at') }} as reference_at

    from window_stats

),

segment_first_seen as (

    select
        model_id,
        segment_dimension,
        segment_value,
        min(window_start) as first_seen_at

    from window_stats
    where segment_dimension <> 'all'
        and window_grain = '{{ corridor.shortest_grain(corridor.setting('corridor_window_grains')) }}'
    group by 1, 2, 3

),

new_segment_values as (

    select
        grid.model_id,
        grid.window_grain,
        grid.window_start,
        count(*) as n_new_segment_values,
        min(
            {{ dbt.concat(['segment_first_seen.segment_dimension', "'='", 'segment_first_seen.segment_value']) }}
        ) as example_new_segment_value

    from grid
    inner join segment_first_seen
        on grid.model_id = segment_first_seen.model_id
        and grid.window_start <= segment_first_seen.first_seen_at
        and grid.window_end > segment_first_seen.first_seen_at
    inner join spans
        on grid.model_id = spans.model_id
    where
        segment_first_seen.first_seen_at
        >= {{ dbt.dateadd('hour', corridor.setting('corridor_new_segment_warmup_hours') | int, 'spans.span_start') }}
    group by 1, 2, 3

),

base as (

    select
        grid.model_id,
        grid.window_grain,
        grid.window_start,
        grid.window_end,
        case
            when grid.window_grain = 'hour' then cast(extract(hour from grid.window_start) as {{ dbt.type_int() }})
            else 0
        end as seasonal_slot,
        {{ corridor.covered_hours('grid.window_start', 'grid.window_end', 'spans.span_start', 'spans.span_end') }} as coverage_hours,
        {{ dbt.datediff(
            'grid.window_end', 'data_reference.reference_at', 'hour'
        ) }} as age_hours,
        coalesce(accepted.n_events, 0) as n_events,
        coalesce(accepted.n_labeled, 0) as n_labeled,
        {{ corridor.window_profile_counts('profile') }}
        profile.example_unknown_version,
        coalesce(new_segment_values.n_new_segment_values, 0) as n_new_segment_values,
        new_segment_values.example_new_segment_value

    from grid
    inner join spans
        on grid.model_id = spans.model_id
    cross join data_reference
    left join accepted
        on grid.model_id = accepted.model_id
        and grid.window_grain = accepted.window_grain
        and grid.window_start = accepted.window_start
    left join profile
        on grid.model_id = profile.model_id
        and grid.window_grain = profile.window_grain
        and grid.window_start = profile.window_start
    left join new_segment_values
        on grid.model_id = new_segment_values.model_id
        and grid.window_grain = new_segment_values.window_grain
        and grid.window_start = new_segment_values.window_start

),

volume_rates as (

    select
        model_id,
        window_grain,
        window_start,
        seasonal_slot,
        cast(n_events as {{ corridor.type_double() }}) / coverage_hours as events_per_hour

    from base
    where coverage_hours > 0

),

volume_expected as (

    select
        base.model_id,
        base.window_grain,
        base.window_start,
        count(peers.window_start) as n_peers,
        {{ corridor.array_element(corridor.percentiles('peers.events_per_hour', [0.5]), 1) }}
        * max(base.coverage_hours) as expected_events

    from base
    left join volume_rates as peers
        on base.model_id = peers.model_id
        and base.window_grain = peers.window_grain
        and base.seasonal_slot = peers.seasonal_slot
        and base.window_start <> peers.window_start
    group by 1, 2, 3

),

windows as (

    select
        base.*,
        volume_expected.n_peers,
        volume_expected.expected_events

    from base
    inner join volume_expected
        on base.model_id = volume_expected.model_id
        and base.window_grain = volume_expected.window_grain
        and base.window_start = volume_expected.window_start

),

final as (

    {{ corridor.window_gate_checks('windows') }}

)

select * from final
