{#-
    The validation corridor: one row per rule version × model version ×
    segment × window, with both sides of the comparison, the deviation, the
    tolerance applied, the test, a Benjamini-Hochberg q-value across the
    family of checks evaluated in this run, the smallest deviation the window
    could have detected, a status and a reason a person can read.

    The `bayesian_*` columns are the additional Bayesian comparison
    (int_corridor__bayesian_checks, rates and means with an offline
    estimate): the offline estimate as prior, updated with the window's
    production evidence, and the posterior probability that production is
    worse than the rule's warn and fail tolerances.

    The FDR family is every check that was actually tested (a p-value exists,
    the window has data, an expectation and enough samples). A breach is
    `confirmed` when its status is warn or fail and its q-value is at most
    var corridor_fdr_level; only confirmed breaches open alerts.
-#}
{%- set fdr = corridor.setting('corridor_fdr_level') -%}
{%- set f = corridor.format_number -%}

with

checks as {{ corridor.materialized_cte() }} (

    select
        {{ dbt.hash(dbt.concat([
            'rule_id', "'|'", 'rule_version', "'|'", 'model_id', "'|'", 'model_version', "'|'",
            'segment_dimension', "'|'", 'segment_value', "'|'", 'window_grain', "'|'",
            dbt.cast('window_start', dbt.type_string())
        ])) }} as result_id,
        *,
        status not in ('missing', 'blocked') and gate_reason is null and p_value is not null as is_tested

    from {{ ref('int_corridor__checks') }}

),

bayesian as (

    select * from {{ ref('int_corridor__bayesian_checks') }}

),

staleness as (

    select * from {{ ref('int_corridor__estimate_staleness') }}

),

q_values as (

    {{ corridor.fdr_q_values('checks', 'result_id', 'p_value', 'is_tested') }}

),

judged as (

    select
        checks.*,
        q_values.q_value,
        q_values.family_size,
        bayesian.method as bayesian_method,
        bayesian.posterior_mean as bayesian_posterior_mean,
        bayesian.credible_lower as bayesian_credible_lower,
        bayesian.credible_upper as bayesian_credible_upper,
        bayesian.prob_worse_than_warn as bayesian_prob_worse_than_warn,
        bayesian.prob_worse_than_fail as bayesian_prob_worse_than_fail,
        coalesce(staleness.estimate_is_stale, false) as estimate_is_stale,
        staleness.stale_features as estimate_stale_features,
        checks.status in ('warn', 'fail') as is_breach,
        checks.status in ('warn', 'fail') and q_values.q_value <= {{ fdr }} as is_confirmed_breach

    from checks
    left join q_values
        on checks.result_id = q_values.result_id
    left join bayesian
        on {{ corridor.keys_equal('checks', 'bayesian', ['rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension',
            'segment_value', 'window_grain', 'window_start']) }}
    left join staleness
        on {{ corridor.keys_equal('checks', 'staleness', ['rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension',
            'segment_value', 'window_grain', 'window_start']) }}

),

final as (

    select
        result_id,
        rule_id,
        rule_version,
        hypothesis,
        metric,
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
        cast(observed_value as {{ corridor.type_double() }}) as production_value,
        cast(observed_lower as {{ corridor.type_double() }}) as production_lower,
        cast(observed_upper as {{ corridor.type_double() }}) as production_upper,
        cast(observed_se as {{ corridor.type_double() }}) as production_standard_error,
        sample_size,
        expected_source,
        estimate_id as expected_estimate_id,
        cast(expected_value as {{ corridor.type_double() }}) as expected_value,
        cast(expected_lower as {{ corridor.type_double() }}) as expected_lower,
        cast(expected_upper as {{ corridor.type_double() }}) as expected_upper,
        cast(expected_se as {{ corridor.type_double() }}) as expected_standard_error,
        baseline_windows,
        cast(absolute_deviation as {{ corridor.type_double() }}) as absolute_deviation,
        cast(relative_deviation as {{ corridor.type_double() }}) as relative_deviation,
        cast(bad_deviation as {{ corridor.type_double() }}) as bad_deviation,
        tolerance_unit,
        cast(warn_tolerance as {{ corridor.type_double() }}) as warn_tolerance,
        cast(fail_tolerance as {{ corridor.type_double() }}) as fail_tolerance,
        cast(tol_warn as {{ corridor.type_double() }}) as warn_threshold,
        cast(tol_fail as {{ corridor.type_double() }}) as fail_threshold,
        cast(check_se as {{ corridor.type_double() }}) as test_standard_error,
        cast(test_statistic as {{ corridor.type_double() }}) as test_statistic,
        cast(p_value as {{ corridor.type_double() }}) as p_value,
        cast(case when comparison_kind = 'equivalence' then eq_p_warn end as {{ corridor.type_double() }}) as equivalence_p_value,
        cast(q_value as {{ corridor.type_double() }}) as q_value,
        cast({{ fdr }} as {{ corridor.type_double() }}) as fdr_level,
        family_size as fdr_family_size,
        cast(detectable_deviation as {{ corridor.type_double() }}) as detectable_deviation,
        cast(power as {{ corridor.type_double() }}) as power,
        coalesce(gate_status, 'pass') as gate_status,
        gate_failing_checks,
        is_tested,
        is_breach,
        coalesce(is_confirmed_breach, false) as is_confirmed_breach,
        estimate_is_stale,
        estimate_stale_features,
        bayesian_method,
        cast(bayesian_posterior_mean as {{ corridor.type_double() }}) as bayesian_posterior_mean,
        cast(bayesian_credible_lower as {{ corridor.type_double() }}) as bayesian_credible_lower,
        cast(bayesian_credible_upper as {{ corridor.type_double() }}) as bayesian_credible_upper,
        cast(bayesian_prob_worse_than_warn as {{ corridor.type_double() }}) as bayesian_prob_worse_than_warn,
        cast(bayesian_prob_worse_than_fail as {{ corridor.type_double() }}) as bayesian_prob_worse_than_fail,
        rule_id || ' v' || rule_version || ' ' || status || ': '
        || coalesce(
            gate_reason,
            metric || ' ' || {{ f('observed_value') }} || ' vs ' || {{ f('expected_value') }}
            || case expected_source
                when 'seasonal' then ' seasonal baseline'
                when 'overall_fallback' then ' expected (overall estimate: none for this segment)'
                else ' expected'
            end
            || ', ' || case
                when direction = 'two_sided' then 'off by '
                when bad_deviation > 0 then 'worse by '
                else 'better by '
            end
            || {{ f('abs(absolute_deviation)') }}
            || coalesce(' (' || {{ f('100 * relative_deviation') }} || '%)', '')
            || '; ' || explanation
            || case
                when status in ('warn', 'fail') and q_value <= {{ fdr }}
                    then '; confirmed after FDR control (q = '
                    || {{ f('q_value') }} || ')'
                when status in ('warn', 'fail') then '; not confirmed after FDR control (q = ' || {{ f('q_value') }} || ')'
                else ''
            end
        )
        || case when estimate_is_stale
                then '; estimate is stale (production ran on feature versions it did not see: '
                || estimate_stale_features || ')'
            else ''
        end as reason,
        owner,
        escalation_path,
        severity,
        dbt_severity,
        consecutive_windows,
        min_sample_size

    from judged

)

select * from final
