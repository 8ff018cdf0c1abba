{#-
    corridor.run_start_timestamp(): the start of this dbt run to the
    microsecond, as a SQL timestamp literal `cast('<run start>' as <timestamp>)`
    (what the audit and governance tables record as the time of a run's
    assignment or first sighting; corridor.run_time is the same to the second).
-#}
{% macro run_start_timestamp() -%}
    {{ return(adapter.dispatch('run_start_timestamp', 'corridor')()) }}
{%- endmacro %}

{% macro default__run_start_timestamp() -%}
    {{ return('cast(' ~ corridor.sql_string(run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f')) ~ ' as ' ~ dbt.type_timestamp() ~ ')') }}
{%- endmacro %}
