{#
    corridor.lateral_series(stop_expr, alias, column): a join clause adding,
    for each row, one row per integer 0..stop_expr (a per-row expression),
    named alias.column. Used to sum series with a per-row number of terms.
#}
{% macro lateral_series(stop_expr, alias, column) %}
    {{ return(adapter.dispatch('lateral_series', 'corridor')(stop_expr, alias, column)) }}
{% endmacro %}

{% macro default__lateral_series(stop_expr, alias, column) -%}
    cross join lateral generate_series(0, cast({{ stop_expr }} as bigint)) as {{ alias }} ({{ column }})
{%- endmacro %}

{% macro spark__lateral_series(stop_expr, alias, column) -%}
    lateral view explode(sequence(0, cast({{ stop_expr }} as bigint))) {{ alias }} as {{ column }}
{%- endmacro %}
