{#
    corridor.exact_sum(expr, decimals): the sum of a floating-point column,
    reproducible to the last bit.

    Floating-point addition is not associative, and a parallel engine adds
    rows in a different order on every run, so a plain sum() can differ in
    its last bits between two builds of the same data. Here every value is
    rounded to `decimals` decimal places as a 38-digit decimal and summed
    exactly, in any order; only the final conversion is floating point.
    With 12 decimals for scores and losses and 9 for milliseconds, the
    rounding is far below any statistical resolution, and sums stay exact up
    to 10^(38 - decimals).

    The decimal sum itself, to combine further before converting:
    corridor.exact_decimal_sum.
#}

{% macro exact_sum(expr, decimals) -%}
    {{ return(adapter.dispatch('exact_sum', 'corridor')(expr, decimals)) }}
{%- endmacro %}

{% macro default__exact_sum(expr, decimals) -%}
    cast({{ corridor.exact_decimal_sum(expr, decimals) }} as {{ corridor.type_double() }})
{%- endmacro %}
