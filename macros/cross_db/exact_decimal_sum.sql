{#
    corridor.exact_decimal_sum(expr, decimals): the exact decimal sum of
    corridor.exact_sum (every value rounded to `decimals` places as a
    38-digit decimal) without the final conversion to floating point, for
    sums that are combined further before converting.
#}

{% macro exact_decimal_sum(expr, decimals) -%}
    {{ return(adapter.dispatch('exact_decimal_sum', 'corridor')(expr, decimals)) }}
{%- endmacro %}

{% macro default__exact_decimal_sum(expr, decimals) -%}
    sum(cast({{ expr }} as decimal(38, {{ decimals }})))
{%- endmacro %}
