{#-
    corridor.inlined_cte(): `not materialized` where the engine would
    otherwise copy a CTE read more than once and copying costs more than
    reading it again (DuckDB), else nothing (PostgreSQL and Spark keep
    their own choice).

    For the import CTEs of the staging views (`select * from
    ref('stg_corridor__production_events')`) that a model reads twice:
    DuckDB materializes such a CTE with every column of the view (the
    pseudonymized entity id, the raw values), before either reader's
    filter or projection applies. Inlined, each reader scans only the
    columns and rows it needs: int_corridor__events_enriched 10.9 s ->
    8.3 s and corridor_quarantine 5.8 s -> 4.6 s on 10M events.
-#}
{% macro inlined_cte() %}
    {{ return(adapter.dispatch('inlined_cte', 'corridor')()) }}
{% endmacro %}

{% macro default__inlined_cte() -%}{%- endmacro %}

{% macro duckdb__inlined_cte() -%}not materialized{%- endmacro %}
