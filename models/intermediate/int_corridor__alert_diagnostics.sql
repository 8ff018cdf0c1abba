{#-
    Which segments carry each alert's breach.

    Alerts on overall traffic: for every other segment dimension, the value
    whose traffic contributes most of the excess over the expected value in
    the alert's breach windows (contribution = traffic share x deviation in
    the bad direction, summed over the windows), with its share of the
    dimension's total excess and of the traffic. A breach concentrated in one
    segment shows up as a share far above that segment's share of traffic.

    Alerts on one segment value: the other values of the same dimension that
    the same rule also confirmed as breaching in the same windows, so a person
    can tell a local problem from a global one.
-#}
{%- set string = dbt.type_string() -%}
{%- set f = corridor.format_number -%}
{%- set series_keys = ['rule_id', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain'] -%}

with

alerts as (

    select * from {{ ref('int_corridor__alert_episodes') }}

),

results as (

    select * from {{ ref('corridor_validation_results') }}

),

production as (

    select * from {{ ref('corridor_metric_observations') }}
    where source = 'production'
        and segment_dimension <> 'all'

),

breach_windows as (

    select
        alerts.alert_id,
        alerts.direction,
        results.model_id,
        results.model_version,
        results.metric,
        results.window_grain,
        results.window_start,
        results.expected_value,
        results.sample_size as total_sample_size

    from alerts
    inner join results
        on {{ corridor.keys_equal('alerts', 'results', series_keys) }}
        and results.window_start between alerts.first_seen_window_start and alerts.last_seen_window_start
        and results.is_confirmed_breach
    where alerts.segment_dimension = 'all'

),

contributions as (

    select
        breach_windows.alert_id,
        production.segment_dimension,
        production.segment_value,
        sum(
            cast(production.sample_size as {{ corridor.type_double() }}) / nullif(breach_windows.total_sample_size, 0)
            * case breach_windows.direction
                when 'higher_is_better' then breach_windows.expected_value - production.metric_value
                when 'lower_is_better' then production.metric_value - breach_windows.expected_value
                else abs(production.metric_value - breach_windows.expected_value)
            end
        ) as excess,
        sum(production.sample_size) as segment_sample_size,
        sum(breach_windows.total_sample_size) as total_sample_size

    from breach_windows
    inner join production
        on {{ corridor.keys_equal('breach_windows', 'production', [
            'model_id', 'model_version', 'metric', 'window_grain', 'window_start'
        ]) }}
    where production.metric_value is not null
    group by 1, 2, 3

),

ranked_contributions as (

    select
        *,
        excess / nullif(sum(case when excess > 0 then excess else 0 end) over (partition by alert_id, segment_dimension), 0)
            as excess_share,
        cast(segment_sample_size as {{ corridor.type_double() }}) / nullif(total_sample_size, 0) as traffic_share,
        row_number() over (partition by alert_id, segment_dimension order by excess desc, segment_value asc) as rank_in_dimension

    from contributions

),

overall_diagnostics as (

    select
        alert_id,
        'excess carried by ' || {{ corridor.ordered_listagg(
            "segment_dimension || '=' || segment_value || ' (' || " ~ f('100 * excess_share') ~ " || '% of it, ' || "
                ~ f('100 * traffic_share') ~ " || '% of traffic)'",
            "'; '",
            'order by excess_share desc, segment_dimension') }} as diagnostic,
        max(excess_share - traffic_share) as concentration

    from ranked_contributions
    where rank_in_dimension = 1 and excess > 0
    group by 1

),

peers as (

    select
        alerts.alert_id,
        count(distinct case when results.segment_value <> alerts.segment_value then results.segment_value end) as other_values,
        count(distinct case when results.segment_value <> alerts.segment_value and results.is_confirmed_breach
                then results.segment_value
        end) as other_values_breaching,
        {{ corridor.ordered_listagg(
            "case when results.segment_value <> alerts.segment_value and results.is_confirmed_breach then results.segment_value end",
            "', '", 'order by results.segment_value'
        ) }} as breaching_values

    from alerts
    inner join results
        on {{ corridor.keys_equal('alerts', 'results', [
            'rule_id', 'model_id', 'model_version', 'segment_dimension', 'window_grain'
        ]) }}
        and results.window_start between alerts.first_seen_window_start and alerts.last_seen_window_start
    where alerts.segment_dimension <> 'all'
    group by 1

),

segment_diagnostics as (

    select
        peers.alert_id,
        case
            when peers.other_values_breaching = 0
                then 'confined to ' || alerts.segment_dimension || '=' || alerts.segment_value || ': none of the '
                || cast(peers.other_values as {{ string }})
                || ' other '
                || alerts.segment_dimension
                || ' values breach in these windows'
            else
                'not confined to ' || alerts.segment_dimension || '=' || alerts.segment_value || ': '
                || cast(peers.other_values_breaching as {{ string }}) || ' of ' || cast(peers.other_values as {{ string }})
                || ' other ' || alerts.segment_dimension || ' values also breach (' || coalesce(peers.breaching_values, '') || ')'
        end as diagnostic,
        cast(null as {{ corridor.type_double() }}) as concentration

    from peers
    inner join alerts
        on peers.alert_id = alerts.alert_id

),

{# whether the data feeding the episode passed its quality gates, over every window from first breach to close #}
gate_windows as (

    select
        alerts.alert_id,
        count(*) as episode_windows,
        sum(case when results.gate_status = 'fail' then 1 else 0 end) as windows_gate_failed,
        sum(case when results.gate_status = 'warn' then 1 else 0 end) as windows_gate_warned,
        {{ corridor.ordered_listagg(
            "case when results.gate_status = 'fail' then " ~ dbt.cast('results.window_start', string)
                ~ " || ' (' || results.gate_failing_checks || ')' end",
            "'; '",
            'order by results.window_start') }} as failed_windows

    from alerts
    inner join results
        on {{ corridor.keys_equal('alerts', 'results', series_keys) }}
        and alerts.first_seen_window_start <= results.window_start
        and coalesce(alerts.closed_window_start, alerts.last_seen_window_start) >= results.window_start
    group by 1

),

final as (

    select
        alerts.alert_id,
        coalesce(
            overall_diagnostics.diagnostic, segment_diagnostics.diagnostic,
            'no segment breakdown available for this metric and window'
        ) as segment_diagnostic,
        case
            when coalesce(gate_windows.windows_gate_failed, 0) > 0
                then
                {#- a window whose gates failed is `blocked`, never a breach: the breach rests on windows whose data passed -#}
                'the breached windows passed their data gates, but gates failed in '
                || cast(gate_windows.windows_gate_failed as {{ string }})
                || ' other window(s) of the episode (blocked there, a data incident): ' || gate_windows.failed_windows
            when coalesce(gate_windows.windows_gate_warned, 0) > 0
                then 'data gates passed, with warnings in ' || cast(gate_windows.windows_gate_warned as {{ string }})
                || ' of the episode''s ' || cast(gate_windows.episode_windows as {{ string }}) || ' windows'
            else 'data gates passed in all ' || cast(coalesce(gate_windows.episode_windows, 0) as {{ string }})
                || ' windows of the episode: a model finding'
        end as data_gate_diagnostic,
        coalesce(gate_windows.windows_gate_failed, 0) > 0 as data_gates_failed,
        overall_diagnostics.concentration

    from alerts
    left join overall_diagnostics
        on alerts.alert_id = overall_diagnostics.alert_id
    left join segment_diagnostics
        on alerts.alert_id = segment_diagnostics.alert_id
    left join gate_windows
        on alerts.alert_id = gate_windows.alert_id

)

select * from final
