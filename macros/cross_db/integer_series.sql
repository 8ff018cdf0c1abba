{#
    corridor.integer_series(start_expr, stop_expr): a relation with one integer
    column `n` holding start..stop inclusive, where both bounds may be scalar
    subqueries. Used for window spines, so empty windows are explicit rows.
#}
{% macro integer_series(start_expr, stop_expr) %}
    {{ return(adapter.dispatch('integer_series', 'corridor')(start_expr, stop_expr)) }}
{% endmacro %}

{% macro default__integer_series(start_expr, stop_expr) -%}
    (select cast(n as bigint) as n from generate_series(cast({{ start_expr }} as bigint), cast({{ stop_expr }} as bigint)) as series (n))
{%- endmacro %}

{% macro duckdb__integer_series(start_expr, stop_expr) -%}
    (select cast(generate_series as bigint) as n from generate_series(cast({{ start_expr }} as bigint), cast({{ stop_expr }} as bigint)))
{%- endmacro %}

{% macro spark__integer_series(start_expr, stop_expr) -%}
    (select explode(sequence(cast({{ start_expr }} as bigint), cast({{ stop_expr }} as bigint))) as n)
{%- endmacro %}
