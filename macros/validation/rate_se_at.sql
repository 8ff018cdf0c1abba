{#-
    corridor.rate_se_at(v, sample_size='sample_size'): the binomial standard
    error sqrt(v (1 - v) / n) of a rate at value v over n = the column
    `sample_size`, v kept within [0.5 / n, 1 - 0.5 / n]. Rates are tested with
    the standard error at the hypothesis boundary (the score-test way: under
    H0 the rate sits at the tolerance, not at the observed value, so 279
    correct out of 279 is not taken as certainty).
-#}
{% macro rate_se_at(v, sample_size='sample_size') -%}
    {{ return(adapter.dispatch('rate_se_at', 'corridor')(v, sample_size)) }}
{%- endmacro %}

{% macro default__rate_se_at(v, sample_size) -%}
    {%- set clamped = 'least(greatest(' ~ v ~ ', 0.5 / ' ~ sample_size ~ '), 1 - 0.5 / ' ~ sample_size ~ ')' -%}
    sqrt({{ clamped }} * (1 - {{ clamped }}) / {{ sample_size }})
{%- endmacro %}
