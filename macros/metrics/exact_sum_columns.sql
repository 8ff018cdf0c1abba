{#-
    corridor.exact_sum_columns(sums): the select-list items that sum float
    columns exactly, each followed by a comma (the call sits inside a select
    list of a group by): for each (name, decimals) of `sums`, the sum of
    <name> through decimals with that many digits (corridor.exact_sum_parts)
    recombined into a double (corridor.exact_sum_combine), as <name>.
-#}
{% macro exact_sum_columns(sums) -%}
    {{ return(adapter.dispatch('exact_sum_columns', 'corridor')(sums)) }}
{%- endmacro %}

{% macro default__exact_sum_columns(sums) -%}
    {%- for name, decimals in sums %}
        {%- set parts = corridor.exact_sum_parts(name, decimals) %}
        {{ corridor.exact_sum_combine(parts[0], parts[1]) }} as {{ name }},
    {%- endfor %}
{%- endmacro %}
