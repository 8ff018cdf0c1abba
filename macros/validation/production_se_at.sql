{#-
    corridor.production_se_at(v, is_rate='is_rate', sample_size='sample_size',
    observed_se='observed_se'): the production standard error of a check at
    value v: for rates (the boolean column `is_rate`) with a positive
    `sample_size`, the binomial one at v (corridor.rate_se_at); for every
    other metric the stated production standard error (column `observed_se`).
    The column arguments default to the standard columns of a prepared check
    row of int_corridor__validation_checks.
-#}
{% macro production_se_at(v, is_rate='is_rate', sample_size='sample_size', observed_se='observed_se') -%}
    {{ return(adapter.dispatch('production_se_at', 'corridor')(v, is_rate, sample_size, observed_se)) }}
{%- endmacro %}

{% macro default__production_se_at(v, is_rate, sample_size, observed_se) -%}
    (case when {{ is_rate }} and {{ sample_size }} > 0 then {{ corridor.rate_se_at(v, sample_size) }} else {{ observed_se }} end)
{%- endmacro %}
