{#
    corridor.exact_sum(expr, decimals): the sum of a floating-point column,
    reproducible to the last bit.

    Floating-point addition is not associative, and a parallel engine adds
    rows in a different order on every run, so a plain sum() can differ in
    its last bits between two builds of the same data. Here every value is
    rounded to `decimals` decimal places and summed as an integer, exactly,
    in any order; only the final division is floating point. With 12 decimals
    for scores and losses and 6 for milliseconds, the rounding is far below
    any statistical resolution.

    corridor.exact_scaled_sum(expr, decimals) returns the integer sum itself
    (value × 10^decimals), for sums that are combined further before dividing.
#}
{% macro exact_sum(expr, decimals) -%}
    {{ return(adapter.dispatch('exact_sum', 'corridor')(expr, decimals)) }}
{%- endmacro %}

{% macro default__exact_sum(expr, decimals) -%}
    cast({{ corridor.exact_scaled_sum(expr, decimals) }} as {{ corridor.type_double() }}) / 1e{{ decimals }}
{%- endmacro %}


{% macro exact_scaled_sum(expr, decimals) -%}
    {{ return(adapter.dispatch('exact_scaled_sum', 'corridor')(expr, decimals)) }}
{%- endmacro %}

{#- DuckDB: sum(bigint) is a 128-bit integer; PostgreSQL: numeric. Both exact. -#}
{% macro default__exact_scaled_sum(expr, decimals) -%}
    sum(cast(round({{ expr }} * 1e{{ decimals }}) as {{ dbt.type_bigint() }}))
{%- endmacro %}

{% macro spark__exact_scaled_sum(expr, decimals) -%}
    sum(cast(round({{ expr }} * 1e{{ decimals }}) as decimal(38, 0)))
{%- endmacro %}
