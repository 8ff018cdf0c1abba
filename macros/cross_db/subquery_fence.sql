{#
    corridor.subquery_fence(): ends a subquery so that the planner evaluates
    its select list once per row instead of pulling the subquery up and
    repeating its expressions in every row of a later lateral expansion
    (PostgreSQL flattens subqueries; `offset 0` is the documented fence).
#}

{% macro subquery_fence() %}
    {{ return(adapter.dispatch('subquery_fence', 'corridor')()) }}
{% endmacro %}

{% macro default__subquery_fence() %}offset 0{% endmacro %}

{% macro duckdb__subquery_fence() %}{% endmacro %}
