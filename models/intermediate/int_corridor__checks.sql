{#-
    Every check of the run, whatever judged it, in the columns
    corridor_validation_results reads: the comparisons of metrics with their
    expectations (int_corridor__validation_checks) and the drift rules'
    checks (int_corridor__drift_checks, and int_corridor__multivariate_drift_checks
    where corridor_multivariate_drift is built). One family for the false-discovery
    control, one path to the alerts. A new source of checks adds a branch.
-#}
{%- set columns = [
    'rule_id', 'rule_version', 'hypothesis', 'metric', 'comparison_kind', 'direction', 'model_id', 'model_version',
    'segment_dimension', 'segment_value', 'window_grain', 'window_start', 'window_end', 'status',
    'observed_value', 'observed_lower', 'observed_upper', 'observed_se', 'sample_size', 'expected_source', 'estimate_id',
    'expected_value', 'expected_lower', 'expected_upper', 'expected_se', 'baseline_windows',
    'absolute_deviation', 'relative_deviation', 'bad_deviation', 'tolerance_unit', 'warn_tolerance', 'fail_tolerance',
    'tol_warn', 'tol_fail', 'check_se', 'test_statistic', 'p_value', 'eq_p_warn', 'detectable_deviation', 'power',
    'gate_status', 'gate_failing_checks', 'gate_reason', 'explanation',
    'owner', 'escalation_path', 'severity', 'dbt_severity', 'consecutive_windows', 'min_sample_size',
] -%}

with

validation_checks as (

    select * from {{ ref('int_corridor__validation_checks') }}

),

drift_checks as (

    select * from {{ ref('int_corridor__drift_checks') }}

),

final as (

    select
        {{ columns | join(',\n        ') }}
    from validation_checks

    union all

    select
        {{ columns | join(',\n        ') }}
    from drift_checks
    {%- if corridor.multivariate_drift_enabled() %}

    union all

    select
        {{ columns | join(',\n        ') }}
    from {{ ref('int_corridor__multivariate_drift_checks') }}
    {%- endif %}

)

select * from final
