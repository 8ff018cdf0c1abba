{#-
    corridor.run_time(): always the start of the run, as a SQL timestamp
    (future timestamps: an event after corridor_as_of is not impossible,
    only not yet counted; "now" for freshness is corridor.reference_time).
-#}

{% macro run_time() -%}
    cast({{ corridor.sql_string(run_started_at.strftime('%Y-%m-%d %H:%M:%S')) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}
