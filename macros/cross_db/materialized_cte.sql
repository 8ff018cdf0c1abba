{#-
    corridor.materialized_cte(): `materialized` where the engine supports
    `with x as materialized (...)`, else nothing.

    Long chains of CTEs whose columns are large expressions (the validation
    checks: normal CDFs of t-statistics of standard errors) must not be
    inlined: PostgreSQL substitutes every reference to an inlined CTE column
    by its whole expression, which grows exponentially along the chain (a
    backend reached 20 GB planning int_corridor__validation_checks before
    this). Materialized, each step is computed once.
-#}
{% macro materialized_cte() %}
    {{ return(adapter.dispatch('materialized_cte', 'corridor')()) }}
{% endmacro %}

{% macro default__materialized_cte() -%}{%- endmacro %}

{% macro postgres__materialized_cte() -%}materialized{%- endmacro %}

{% macro duckdb__materialized_cte() -%}materialized{%- endmacro %}
