{#-
    corridor.reference_time(): the UTC timestamp "now" is measured against
    for freshness: var corridor_as_of when set, else the start of the run
    (corridor.run_time).
-#}

{% macro reference_time() -%}
    {{ return(adapter.dispatch('reference_time', 'corridor')()) }}
{%- endmacro %}

{% macro default__reference_time() -%}
    {%- set as_of = corridor.setting('corridor_as_of') -%}
    {%- if as_of is not none -%}
        cast({{ corridor.sql_string(as_of) }} as {{ dbt.type_timestamp() }})
    {%- else -%}
        cast({{ corridor.sql_string(run_started_at.strftime('%Y-%m-%d %H:%M:%S')) }} as {{ dbt.type_timestamp() }})
    {%- endif -%}
{%- endmacro %}
