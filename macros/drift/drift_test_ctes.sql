{#-
    corridor.drift_test_ctes(scoped, measure, value, warn_tolerance, fail_tolerance, n_values, n_reference, n_bins,
    baseline, n_trials): the CTEs test_arguments, tail_arguments and tested
    (no leading `with`) that test the drift rules' windows of relation
    `scoped`: for each level (warn, fail), H0 "the true measure is at most
    the level's tolerance". test_arguments adds the tail's arguments
    (corridor.drift_p_value_arguments) as columns <level>_excess,
    <level>_statistic and <level>_df; tail_arguments the chi-square tail's
    normal-CDF arguments (corridor.chi_square_sf_arguments) as
    <level>_wilson_hilferty and <level>_root; tested the p-values p_warn and
    p_fail (corridor.drift_p_value). The steps are columns first, and the
    first two materialized, because the tails repeat their argument many
    times in their series (PostgreSQL would otherwise inline them back). The
    other arguments are the columns of `scoped` the test reads (as
    corridor.drift_p_value_arguments); the caller selects from tested.
-#}
{% macro drift_test_ctes(scoped, measure, value, warn_tolerance, fail_tolerance, n_values, n_reference, n_bins, baseline, n_trials) %}
    {{ return(adapter.dispatch('drift_test_ctes', 'corridor')(scoped, measure, value, warn_tolerance, fail_tolerance, n_values,
        n_reference, n_bins, baseline, n_trials)) }}
{% endmacro %}

{% macro default__drift_test_ctes(scoped, measure, value, warn_tolerance, fail_tolerance, n_values, n_reference, n_bins, baseline,
    n_trials) -%}
{%- set tolerances = {'warn': warn_tolerance, 'fail': fail_tolerance} -%}
test_arguments as {{ corridor.materialized_cte() }} (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        {%- set last_level = loop.last %}
        {%- set arguments = corridor.drift_p_value_arguments(measure, value, tolerances[level], n_values, n_reference, n_bins,
            baseline, n_trials) %}
        {%- for name in ['excess', 'statistic', 'df'] %}
        {{ arguments[name] }} as {{ level }}_{{ name }}{{ ',' if not (loop.last and last_level) }}
        {%- endfor %}
        {%- endfor %}

    from {{ scoped }}

),

tail_arguments as {{ corridor.materialized_cte() }} (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        {%- set arguments = corridor.chi_square_sf_arguments(level ~ '_statistic', level ~ '_df') %}
        {{ arguments['wilson_hilferty'] }} as {{ level }}_wilson_hilferty,
        {{ arguments['root'] }} as {{ level }}_root{{ ',' if not loop.last }}
        {%- endfor %}

    from test_arguments

),

tested as (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        {{ corridor.drift_p_value(measure, level ~ '_excess', level ~ '_statistic', level ~ '_df', level ~ '_wilson_hilferty',
            level ~ '_root') }} as p_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from tail_arguments

)
{%- endmacro %}
