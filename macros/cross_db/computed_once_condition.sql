{#-
    corridor.computed_once_condition(): a condition that every row meets, for
    the `where` of a CTE that its query reads more than once, so that the
    engine computes the CTE once: none (no condition) by default, where the
    engine either materializes such a CTE or inlines it by its own choice
    (DuckDB, PostgreSQL: the SQL is unchanged); on Spark `rand() >= 0`.

    Spark SQL inlines a deterministic CTE at each of its references and
    evaluates it again there: int_corridor__latency_order_statistics's plan
    scanned the events table 194 times. A CTE holding a non-deterministic
    expression is not inlined (Spark's InlineCTE): Spark plans it once, as a
    shuffle every reference reads (ReplaceCTERefWithRepartition and exchange
    reuse). rand() lies in [0, 1), so the condition keeps every row and the
    results are those of the plain CTE. A CTE read once is inlined whatever
    it holds: use this on CTEs with several readers only.
-#}
{% macro computed_once_condition() %}
    {{ return(adapter.dispatch('computed_once_condition', 'corridor')()) }}
{% endmacro %}

{% macro default__computed_once_condition() %}
    {{ return(none) }}
{% endmacro %}

{% macro spark__computed_once_condition() %}
    {{ return('rand() >= 0') }}
{% endmacro %}
