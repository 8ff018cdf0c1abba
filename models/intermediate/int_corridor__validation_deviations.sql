{#-
    The checks before their test: each pair of int_corridor__validation_pairs
    with its rule's settings, the expected value (the aligned offline
    estimate, or for `seasonal` rules the seasonal baseline), the window's
    quality gate status (int_corridor__window_gate_status; a failed gate makes
    the check `blocked` downstream) and its event count; the deviation
    oriented so that positive means worse, the tolerances in metric units, the
    standard error each comparison kind tests with (corridor.comparison_kind)
    and the smallest deviation the window could detect. Read by
    int_corridor__validation_checks.
-#}
{%- set check_keys = ['rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_start'] -%}

{%- set alpha = corridor.setting('corridor_test_alpha') -%}
{%- set z_alpha_one = corridor.normal_quantile(1 - alpha) -%}
{%- set z_alpha_two = corridor.normal_quantile(1 - alpha / 2) -%}

with

pairs as (

    select * from {{ ref('int_corridor__validation_pairs') }}

),

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}
    where is_valid
        and comparison_kind <> 'drift'

),

baselines as (

    select * from {{ ref('int_corridor__seasonal_baselines') }}

),

gates as (

    select * from {{ ref('int_corridor__window_gate_status') }}

),

{# events per window (corridor.missing_value_reason) #}
window_volume as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        window_start,
        metric_value as request_count

    from {{ ref('corridor_metric_observations') }}
    where source = 'production'
        and metric = 'request_count'

),

prepared as {{ corridor.materialized_cte() }} (

    select
        pairs.*,
        rules.hypothesis,
        rules.metric,
        rules.window_grain,
        rules.comparison_kind,
        rules.direction,
        rules.tolerance_unit,
        rules.warn_tolerance,
        rules.fail_tolerance,
        rules.min_sample_size,
        rules.consecutive_windows,
        rules.power,
        rules.owner,
        rules.escalation_path,
        rules.severity,
        rules.dbt_severity,
        rules.observation_source,
        case
            when rules.comparison_kind = 'seasonal' and baselines.baseline_median is not null then 'seasonal'
            when rules.comparison_kind <> 'seasonal' and pairs.offline_value is not null then pairs.offline_source
            else 'none'
        end as expected_source,
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_median else pairs.offline_value end as expected_value,
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_standard_error else pairs.offline_se end as expected_se,
        case
            when rules.comparison_kind = 'seasonal' then baselines.baseline_median - {{ z_alpha_two }} * baselines.prediction_standard_error
            else pairs.offline_lower
        end as expected_lower,
        case
            when rules.comparison_kind = 'seasonal' then baselines.baseline_median + {{ z_alpha_two }} * baselines.prediction_standard_error
            else pairs.offline_upper
        end as expected_upper,
        {#- the baseline's spread already holds the sampling noise of a window; the window's own error only stands in when the
            spread is 0 -#}
        coalesce(nullif(baselines.prediction_standard_error, 0), pairs.observed_se) as prediction_se,
        baselines.baseline_windows,
        baselines.min_history as baseline_min_history,
        gates.gate_status,
        gates.failing_checks as gate_failing_checks,
        gates.gate_diagnostic,
        coalesce(window_volume.request_count, 0) as window_request_count,
        {{ alpha }} as test_alpha,
        {{ z_alpha_one }} as z_alpha_one,
        case when rules.direction = 'two_sided' then {{ z_alpha_two }} else {{ z_alpha_one }} end as z_alpha,
        {{ corridor.normal_quantile_sql('rules.power') }} as z_power,
        case
            when rules.direction = 'two_sided' then {{ corridor.normal_quantile_sql('(1 + rules.power) / 2') }}
            else {{ corridor.normal_quantile_sql('rules.power') }}
        end as z_power_eq

    from pairs
    inner join rules
        on pairs.rule_id = rules.rule_id
        and pairs.rule_version = rules.rule_version
    left join baselines
        on {{ corridor.keys_equal('pairs', 'baselines', check_keys) }}
    left join gates
        on pairs.model_id = gates.model_id
        and rules.window_grain = gates.window_grain
        and pairs.window_start = gates.window_start
    left join window_volume
        on pairs.model_id = window_volume.model_id
        and pairs.model_version = window_volume.model_version
        and rules.window_grain = window_volume.window_grain
        and pairs.segment_dimension = window_volume.segment_dimension
        and pairs.segment_value = window_volume.segment_value
        and pairs.window_start = window_volume.window_start

),

{{ corridor.validation_deviation_ctes('prepared') }}

select * from detectable_5
