{#-
    corridor.validation_test_ctes(deviations): the CTEs (rate_boundaries ..
    explained; no leading `with`) that test every check of a relation of
    deviations (int_corridor__validation_deviations' columns): binomial tails
    for rates, the comparison kind's verdict and p-value, the status
    (missing, blocked, inconclusive or the verdict) and the explanation; the
    caller selects from explained. Shared by int_corridor__validation_checks
    and the scenarios (int_corridor__scenario_checks).
-#}
{% macro validation_test_ctes(deviations) -%}
    {{ return(adapter.dispatch('validation_test_ctes', 'corridor')(deviations)) }}
{%- endmacro %}


{% macro default__validation_test_ctes(deviations) -%}
{%- set double = corridor.type_double() %}
{#
    Rates under the point, statistical and equivalence kinds are tested
    exactly enough for rare events: binomial tails at the tolerance boundary
    (Peizer-Pratt), turned into z statistics; with an offline standard error
    (statistical, equivalence) the z is shrunk by se_production / se_combined.
    The boundary is taken as it is, however small (a tail rate of 1 in 100,000
    is tested at 1e-5, not at half a count): only a boundary at or beyond 0
    or 1 (a tolerance of 0 on a rate of 0 or 1) moves to 0.5 / n or
    1 - 0.5 / n, where the tail is defined.
-#}
rate_boundaries as {{ corridor.materialized_cte() }} (

    select
        *,
        is_rate and sample_size > 0 and observed_value is not null and expected_value is not null
        and comparison_kind in ('absolute', 'relative', 'statistical', 'equivalence') as uses_binomial,
        cast(round(observed_value * sample_size) as {{ double }}) as observed_count,
        {%- for level in ['warn', 'fail'] %}
        {%- set boundary = 'expected_value + bad_sign * tol_' ~ level %}
        case
            when {{ boundary }} <= 0 then 0.5 / nullif(sample_size, 0)
            when {{ boundary }} >= 1 then 1 - 0.5 / nullif(sample_size, 0)
            else {{ boundary }}
        end as rate_boundary_{{ level }},
        {{ corridor.production_se_at('expected_value + bad_sign * tol_' ~ level) }} / nullif(check_se_{{ level }}, 0) as
            binomial_shrink_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ deviations }}

),

rate_z as {{ corridor.materialized_cte() }} (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        case when uses_binomial then {{ corridor.binomial_cdf_z_sql('observed_count', 'sample_size', 'rate_boundary_' ~ level) }} end as
            binomial_z_at_{{ level }},
        case when uses_binomial then {{ corridor.binomial_cdf_z_sql('(observed_count - 1)', 'sample_size', 'rate_boundary_' ~ level) }} end
            as binomial_z_below_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from rate_boundaries

),

standardized as {{ corridor.materialized_cte() }} (

    {#-
        z_<level>: the breach statistic, p = Phi(-z); eq_z_<level>: the TOST statistic, p = Phi(-eq_z).
        Binomial: bad counts high (bad_sign +1) -> p = P(X >= k) = Phi(-z(k - 1)); bad counts low -> p = P(X <= k).
    -#}
    select
        *,
        {%- for level in ['warn', 'fail'] %}
        case
            when uses_binomial then binomial_shrink_{{ level }} * case when bad_sign = 1 then binomial_z_below_{{ level }} else
                -binomial_z_at_{{ level }} end
            else {{ corridor.t_to_z_sql('(bad_deviation - tol_' ~ level ~ ') / nullif(check_se_' ~ level ~ ', 0)', 't_df') }}
        end as z_{{ level }},
        case
            when uses_binomial then binomial_shrink_{{ level }} * case when bad_sign = 1 then -binomial_z_at_{{ level }} else
                binomial_z_below_{{ level }} end
            else {{ corridor.t_to_z_sql('(tol_' ~ level ~ ' - bad_deviation) / nullif(check_se_' ~ level ~ ', 0)', 't_df') }}
        end as eq_z_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from rate_z

),

tests as {{ corridor.materialized_cte() }} (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        {#- H0: bad deviation <= tolerance. Two-sided rules test both directions (x2, capped at 1). -#}
        case
            when check_se_{{ level }} is null or bad_deviation is null or tol_{{ level }} is null then null
            when check_se_{{ level }} = 0 then case when bad_deviation > tol_{{ level }} then 0.0 else 1.0 end
            else least(1.0, (case when direction = 'two_sided' then 2.0 else 1.0 end) * {{ corridor.normal_upper_tail_sql('z_' ~ level) }})
        end as p_{{ level }},
        {#- TOST, H0: bad deviation >= margin (the larger of the two one-sided p-values is the one against the nearer bound). -#}
        case
            when check_se_{{ level }} is null or bad_deviation is null or tol_{{ level }} is null then null
            when check_se_{{ level }} = 0 then case when bad_deviation < tol_{{ level }} then 0.0 else 1.0 end
            else {{ corridor.normal_upper_tail_sql('eq_z_' ~ level) }}
        end as eq_p_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from standardized

),

verdicts as {{ corridor.materialized_cte() }} (

    select
        *,
        {{ corridor.comparison_kind_case('verdict') }} as verdict,
        detectable_step_5 as detectable_deviation,
        {{ corridor.comparison_kind_case('statistic') }} as test_statistic,
        {{ corridor.comparison_kind_case('p_value') }} as p_value

    from tests

),

statuses as {{ corridor.materialized_cte() }} (

    select
        *,
        case
            when observed_value is null then 'missing'
            when expected_value is null then 'missing'
            when gate_status = 'fail' and not {{ corridor.label_free_gate_exempt('observation_source', 'gate_failing_checks') }}
                then 'blocked'
            when observed_method = 'confidence_based_isotonic_shifted' then 'inconclusive'
            when sample_size < coalesce(min_sample_size, 0) then 'inconclusive'
            else verdict
        end as status,
        case
            when observed_value is null then {{ corridor.missing_value_reason('metric', 'sample_size', 'window_request_count') }}
            when expected_value is null and comparison_kind = 'seasonal' then
                'seasonal baseline has ' || cast(coalesce(baseline_windows, 0) as {{ dbt.type_string() }}) || ' of the ' ||
                    cast(baseline_min_history as {{ dbt.type_string() }}) || ' same-slot windows it needs'
            when expected_value is null then 'no offline estimate of ' || metric || ' for this model version, segment and window'
            when gate_status = 'fail' and not {{ corridor.label_free_gate_exempt('observation_source', 'gate_failing_checks') }} then
                'the window''s data failed its quality gates (' || gate_failing_checks
                    || '), so a deviation here would be a data incident, not a model finding: '
                || gate_diagnostic
            when observed_method = 'confidence_based_isotonic_shifted' then
                'the window''s score distribution moved away from the label-free reference (' ||
                    coalesce(observed_shift_reason, 'is_shifted')
                || ', as in corridor_estimator_validation): the label-free estimate is not to be trusted here'
            when sample_size < coalesce(min_sample_size, 0) then
                'sample size ' || cast(sample_size as {{ dbt.type_string() }}) || ' is below the rule''s minimum of ' ||
                    cast(min_sample_size as {{ dbt.type_string() }})
        end as gate_reason

    from verdicts

),

explained as {{ corridor.materialized_cte() }} (

    select
        *,
        {{ corridor.comparison_kind_case('explanation') }} as explanation

    from statuses

)
{%- endmacro %}
