{#-
    Standard errors of a check, used by int_corridor__validation_checks over
    its standard columns (is_rate, sample_size, observed_se).

    corridor.rate_se_at(v): the binomial standard error sqrt(v (1 - v) / n) of
    a rate at value v, v kept within [0.5 / n, 1 - 0.5 / n]. Rates are tested
    with the standard error at the hypothesis boundary (the score-test way:
    under H0 the rate sits at the tolerance, not at the observed value, so
    279 correct out of 279 is not taken as certainty).

    corridor.production_se_at(v): that for rates, the stated production
    standard error for every other metric.

    corridor.kind_se(kind, production_se): a comparison kind's test standard
    error (its `check_se` template) with the given production standard error.
-#}
{% macro rate_se_at(v) -%}
    {%- set clamped = 'least(greatest(' ~ v ~ ', 0.5 / sample_size), 1 - 0.5 / sample_size)' -%}
    sqrt({{ clamped }} * (1 - {{ clamped }}) / sample_size)
{%- endmacro %}

{% macro production_se_at(v) -%}
    (case when is_rate and sample_size > 0 then {{ corridor.rate_se_at(v) }} else observed_se end)
{%- endmacro %}

{% macro kind_se(kind, production_se) -%}
    {{ return(kind['check_se'].replace('{production_se}', production_se)) }}
{%- endmacro %}
