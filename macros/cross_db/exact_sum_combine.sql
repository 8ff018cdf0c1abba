{#
    corridor.exact_sum_combine(high, low): the double value of an exact sum
    kept as the two decimal parts of corridor.exact_sum_parts (possibly
    rolled up further with sum()): low + high * 1e16, null when no row had a
    value. A fixed sequence of floating-point steps on exact inputs, so it
    is the same on every build.
#}
{% macro exact_sum_combine(high, low) -%}
    {{ return(adapter.dispatch('exact_sum_combine', 'corridor')(high, low)) }}
{%- endmacro %}

{% macro default__exact_sum_combine(high, low) -%}
    (cast({{ low }} as {{ corridor.type_double() }}) + coalesce(cast({{ high }} as {{ corridor.type_double() }}), 0) * 1e16)
{%- endmacro %}
