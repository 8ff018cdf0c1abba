{#
    corridor.wilson_lower(successes, trials, z): the lower end of the Wilson
    score interval for a binomial proportion with `successes` out of `trials`
    (SQL expressions) at two-sided critical value z (a number). Stays inside
    [0, 1] and behaves at 0 and n successes and at small n, unlike the Wald
    interval. Null when trials = 0. The upper end: corridor.wilson_upper.
#}

{% macro wilson_lower(successes, trials, z) -%}
    {{ return(adapter.dispatch('wilson_bound', 'corridor')(successes, trials, z, -1)) }}
{%- endmacro %}
