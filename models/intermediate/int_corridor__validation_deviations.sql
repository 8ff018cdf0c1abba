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
{%- set catalogue = corridor.metric_catalogue() -%}
{%- set rate_metrics = [] -%}
{%- for name, spec in catalogue.items() -%}
    {%- if spec['family'] == 'rate' -%}{%- do rate_metrics.append(name) -%}{%- endif -%}
{%- endfor -%}

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

{#- events per window (corridor.missing_value_reason) -#}
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
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_median - {{ z_alpha_two }} * baselines.prediction_standard_error else pairs.offline_lower end as expected_lower,
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_median + {{ z_alpha_two }} * baselines.prediction_standard_error else pairs.offline_upper end as expected_upper,
        {#- the baseline's spread already holds the sampling noise of a window; the window's own error only stands in when the spread is 0 -#}
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

deviations as {{ corridor.materialized_cte() }} (

    select
        *,
        observed_value - expected_value as absolute_deviation,
        (observed_value - expected_value) / nullif(abs(expected_value), 0) as relative_deviation,
        case direction
            when 'higher_is_better' then expected_value - observed_value
            when 'lower_is_better' then observed_value - expected_value
            else abs(observed_value - expected_value)
        end as bad_deviation,
        case when tolerance_unit = 'relative' then warn_tolerance * abs(expected_value) else warn_tolerance end as tol_warn,
        case when tolerance_unit = 'relative' then fail_tolerance * abs(expected_value) else fail_tolerance end as tol_fail,
        {#- +1 when worse means higher, -1 when worse means lower (two-sided: the side the value is on) -#}
        case direction
            when 'higher_is_better' then -1
            when 'lower_is_better' then 1
            when 'two_sided' then case when observed_value < expected_value then -1 else 1 end
        end as bad_sign,
        metric in ({{ corridor.sql_string_list(rate_metrics) }}) as is_rate

    from prepared

),

standard_errors as {{ corridor.materialized_cte() }} (

    select
        *,
        {#-
            The tolerance the detectable deviation of a point kind on a rate
            is solved for: the continuity-corrected count boundary, as the
            verdict on a count of n events only changes at whole counts.
        -#}
        case
            when is_rate and comparison_kind in ('absolute', 'relative') and sample_size > 0 and bad_sign = 1 then
                (floor(sample_size * (expected_value + tol_warn)) + 0.5) / sample_size - expected_value
            when is_rate and comparison_kind in ('absolute', 'relative') and sample_size > 0 then
                expected_value - (ceil(sample_size * (expected_value - tol_warn)) - 0.5) / sample_size
            else tol_warn
        end as tol_warn_detect,
        {%- for name, se in [
            ('check_se', 'observed_se'),
            ('check_se_warn', corridor.production_se_at('expected_value + bad_sign * tol_warn')),
            ('check_se_fail', corridor.production_se_at('expected_value + bad_sign * tol_fail')),
            ('check_se_expected', corridor.production_se_at('expected_value')),
        ] %}
        {{ corridor.comparison_kind_case('check_se', args={'production_se': se}) }} as {{ name }},
        {%- endfor %}
        {#- a seasonal baseline rests on few windows: its tests use Student's t (see int_corridor__seasonal_baselines) -#}
        case when comparison_kind = 'seasonal' then (baseline_windows - 1) / 2.0 end as t_df

    from deviations

),

{#-
    The detectable deviation, solved by fixed-point iteration: for rates the
    standard error at the true value being detected grows with the deviation
    (equivalence: at the margin being demonstrated). Five refinements.
-#}
{%- for step in range(6) %}
detectable_{{ step }} as {{ corridor.materialized_cte() }} (

    select
        *,
        {{ corridor.comparison_kind_case('detectable', args={
            'tolerance': 'tol_warn_detect',
            'production_se_at_detectable': none if step == 0 else corridor.production_se_at('expected_value + bad_sign * detectable_step_' ~ (step - 1)),
        }) }} as detectable_step_{{ step }}

    from {{ 'standard_errors' if step == 0 else 'detectable_' ~ (step - 1) }}

){{ ',' if not loop.last }}
{%- endfor %}

select * from detectable_5
