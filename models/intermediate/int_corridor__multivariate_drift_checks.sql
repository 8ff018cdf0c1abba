{#-
    The checks of the drift rules on the features together (measure
    reconstruction_error, feature __multivariate__; docs/drift.md#multivariate-drift):
    one row per valid rule version × model version × segment in its scope ×
    window of its grain in corridor_multivariate_drift, in the columns of
    int_corridor__drift_checks, so they share the run's false-discovery
    control, the alert episodes and the owners' escalation with every other
    check (int_corridor__checks unions them when this model is built).

    The judged quantity is the window's mean PCA reconstruction error; its
    baseline is the reference period's mean error mu and its noise the
    standard error calibrated from the spread over the reference days
    (se = sqrt(s^2/n + tau^2/d + s^2/n_ref), python/corridor/drift_multivariate.py).
    H0 "the true mean error is at most mu + tolerance" is tested one-sided:
    p = 1 - Phi((error - mu - tolerance) / se), at corridor_multivariate_alpha,
    the level of the calibrated threshold: with a tolerance of 0 a window is
    warn exactly when corridor_multivariate_drift calls it drifted.

    Built only where corridor_multivariate_drift is (DuckDB, var on:
    corridor.multivariate_drift_enabled() in its config); elsewhere
    a rule of this measure is a rule issue (multivariate_drift_unavailable).
-#}
{{ config(enabled=corridor.multivariate_drift_enabled()) }}
{%- set alpha = corridor.setting('corridor_multivariate_alpha') -%}
{%- set string = dbt.type_string() -%}
{%- set grains = corridor.feature_drift_grains() -%}

with

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}
    where is_valid
        and comparison_kind = 'drift'
        and metric = 'reconstruction_error'

),

drift as (

    select * from {{ ref('corridor_multivariate_drift') }}

),

gates as (

    select * from {{ ref('int_corridor__window_gate_status') }}

),

scoped as (

    select
        rules.rule_id,
        rules.rule_version,
        rules.hypothesis,
        rules.metric as measure,
        rules.feature_name,
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
        drift.model_id,
        drift.model_version,
        drift.window_grain,
        drift.segment_dimension,
        drift.segment_value,
        drift.window_start,
        drift.status as drift_status,
        drift.n_sampled_rows,
        drift.n_days,
        drift.n_reference_rows,
        drift.reconstruction_error as observed_value,
        drift.reference_error_mean as baseline,
        drift.error_standard_error as se,
        drift.reference_start,
        drift.reference_end

    from rules
    inner join drift
        on rules.window_grain = drift.window_grain
        and (rules.model_id is null or rules.model_id = drift.model_id)
        and (
            (rules.segment_dimension = 'all' and drift.segment_dimension = 'all')
            or (rules.segment_dimension = drift.segment_dimension and rules.segment_value in ('*', drift.segment_value))
        )
        and (rules.valid_from is null or rules.valid_from <= drift.window_start)
        and (rules.valid_to is null or rules.valid_to > drift.window_start)

),

tested as (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        case
            when se > 0 then {{ corridor.standard_normal_cdf('(baseline + ' ~ level ~ '_tolerance - observed_value) / se') }}
        end as p_{{ level }}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}

    from scoped

),

judged as (

    select
        tested.*,
        {{ corridor.window_offset_by_grain('tested.window_grain', 1, 'tested.window_start', grains) }} as window_end,
        gates.gate_status,
        gates.failing_checks as gate_failing_checks,
        gates.gate_diagnostic,
        case
            when tested.drift_status in ('no_reference', 'reference_period') or tested.observed_value is null then 'missing'
            when gates.gate_status = 'fail' then 'blocked'
            when tested.drift_status = 'insufficient_sample' or tested.p_warn is null then 'inconclusive'
            when tested.n_sampled_rows < coalesce(tested.min_sample_size, 0) then 'inconclusive'
            when tested.p_fail <= {{ alpha }} then 'fail'
            when tested.p_warn <= {{ alpha }} then 'warn'
            when tested.observed_value > tested.baseline + tested.warn_tolerance then 'inconclusive'
            else 'pass'
        end as status

    from tested
    left join gates
        on tested.model_id = gates.model_id
        and tested.window_grain = gates.window_grain
        and tested.window_start = gates.window_start

),

final as (

    select
        rule_id,
        rule_version,
        hypothesis,
        cast(measure || ':' || feature_name as {{ string }}) as metric,
        comparison_kind,
        direction,
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        window_grain,
        window_start,
        window_end,
        status,
        cast(observed_value as {{ corridor.type_double() }}) as observed_value,
        cast(null as {{ corridor.type_double() }}) as observed_lower,
        cast(null as {{ corridor.type_double() }}) as observed_upper,
        cast(se as {{ corridor.type_double() }}) as observed_se,
        cast(n_sampled_rows as {{ dbt.type_bigint() }}) as sample_size,
        cast('reference' as {{ string }}) as expected_source,
        cast(null as {{ string }}) as estimate_id,
        cast(baseline as {{ corridor.type_double() }}) as expected_value,
        cast(null as {{ corridor.type_double() }}) as expected_lower,
        cast(null as {{ corridor.type_double() }}) as expected_upper,
        cast(null as {{ corridor.type_double() }}) as expected_se,
        cast(null as {{ dbt.type_int() }}) as baseline_windows,
        cast(observed_value - baseline as {{ corridor.type_double() }}) as absolute_deviation,
        cast((observed_value - baseline) / nullif(baseline, 0) as {{ corridor.type_double() }}) as relative_deviation,
        cast(observed_value - baseline as {{ corridor.type_double() }}) as bad_deviation,
        tolerance_unit,
        cast(warn_tolerance as {{ corridor.type_double() }}) as warn_tolerance,
        cast(fail_tolerance as {{ corridor.type_double() }}) as fail_tolerance,
        cast(warn_tolerance as {{ corridor.type_double() }}) as tol_warn,
        cast(fail_tolerance as {{ corridor.type_double() }}) as tol_fail,
        cast(se as {{ corridor.type_double() }}) as check_se,
        cast((observed_value - baseline - warn_tolerance) / nullif(se, 0) as {{ corridor.type_double() }}) as test_statistic,
        cast(case when status in ('missing', 'blocked') then null else p_warn end as {{ corridor.type_double() }}) as p_value,
        cast(null as {{ corridor.type_double() }}) as eq_p_warn,
        cast(null as {{ corridor.type_double() }}) as detectable_deviation,
        cast(power as {{ corridor.type_double() }}) as power,
        gate_status,
        gate_failing_checks,
        case
            when drift_status = 'no_reference'
                then 'no multivariate reference for this segment (fewer than two reference days with sampled rows)'
            when drift_status = 'reference_period'
                then 'the window lies in the multivariate reference period (' || {{ dbt.cast('reference_start', string) }} || ' to '
                || {{ dbt.cast('reference_end', string) }} || '): its rows are the baseline, not judged against it'
            when observed_value is null then 'no sampled events of this segment in the window'
            when gate_status = 'fail'
                then 'the window''s data failed its quality gates (' || gate_failing_checks
                || '), so a drift here would be a data incident, not a model finding: ' || gate_diagnostic
            when drift_status = 'insufficient_sample' or n_sampled_rows < coalesce(min_sample_size, 0)
                then 'sampled rows ' || cast(n_sampled_rows as {{ string }})
                || ' are below the minimum (corridor_multivariate_min_rows, the rule''s min_sample_size '
                || coalesce(cast(min_sample_size as {{ string }}), 'none') || ')'
            when p_warn is null then 'the reference days give no spread to calibrate the threshold (standard error 0)'
        end as gate_reason,
        'features together: mean reconstruction error ' || {{ corridor.format_number('observed_value') }}
        || ' against the reference mean ' || {{ corridor.format_number('baseline') }} || ' + tolerance '
        || {{ corridor.format_number('warn_tolerance') }} || ' (warn) / ' || {{ corridor.format_number('fail_tolerance') }}
        || ' (fail), standard error ' || coalesce({{ corridor.format_number('se') }}, 'none') || ' ('
        || cast(n_sampled_rows as {{ string }}) || ' sampled rows over ' || cast(n_days as {{ string }}) || ' day(s) vs '
        || cast(n_reference_rows as {{ string }}) || ' reference rows); p(error <= reference + warn tolerance) = '
        || coalesce({{ corridor.format_number('p_warn') }}, 'none') as explanation,
        owner,
        escalation_path,
        severity,
        dbt_severity,
        consecutive_windows,
        min_sample_size

    from judged

)

select * from final
