{#-
    corridor.validation_deviation_ctes(prepared): the CTEs (deviations,
    standard_errors, detectable_0 .. detectable_5; no leading `with`) that
    turn prepared checks (int_corridor__validation_deviations' `prepared`
    step: a pair with its rule, expected value and standard errors) into
    deviations oriented so that positive means worse, tolerances in metric
    units, the standard error each comparison kind tests with and the
    smallest detectable deviation; the caller selects from detectable_5.
    Shared by int_corridor__validation_deviations and the scenarios
    (int_corridor__scenario_deviations), which feed it perturbed observations.
-#}
{% macro validation_deviation_ctes(prepared) -%}
    {{ return(adapter.dispatch('validation_deviation_ctes', 'corridor')(prepared)) }}
{%- endmacro %}


{% macro default__validation_deviation_ctes(prepared) -%}
{%- set catalogue = corridor.metric_catalogue() -%}
{%- set rate_metrics = [] -%}
{%- for name, spec in catalogue.items() -%}
    {%- if spec['family'] == 'rate' -%}{%- do rate_metrics.append(name) -%}{%- endif -%}
{%- endfor -%}

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

    from {{ prepared }}

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
            'production_se_at_detectable': none if step == 0 else corridor.production_se_at('expected_value + bad_sign * detectable_step_'
                ~ (step - 1)),
        }) }} as detectable_step_{{ step }}

    from {{ 'standard_errors' if step == 0 else 'detectable_' ~ (step - 1) }}

){{ ',' if not loop.last }}
{%- endfor %}
{%- endmacro %}


{#- The columns the CTEs add to prepared (int_corridor__scenario_deviations recomputes them). -#}
{% macro _validation_deviation_added_columns() -%}
    {{ return([
        'absolute_deviation', 'relative_deviation', 'bad_deviation', 'tol_warn', 'tol_fail', 'bad_sign', 'is_rate',
        'tol_warn_detect', 'check_se', 'check_se_warn', 'check_se_fail', 'check_se_expected', 't_df',
        'detectable_step_0', 'detectable_step_1', 'detectable_step_2', 'detectable_step_3', 'detectable_step_4',
        'detectable_step_5',
    ]) }}
{%- endmacro %}
