{#-
    corridor.escalation_minutes(severity, hours_by_severity): SQL expression of
    the minutes after which an alert of the given severity (a column) escalates:
    a case over the severities of hours_by_severity (var
    corridor_escalation_hours, severity -> hours, rounded to the minute), null
    for a severity not in it; a typed null when the mapping is empty.
-#}
{% macro escalation_minutes(severity, hours_by_severity) -%}
    {{ return(adapter.dispatch('escalation_minutes', 'corridor')(severity, hours_by_severity)) }}
{%- endmacro %}

{% macro default__escalation_minutes(severity, hours_by_severity) -%}
    {%- if hours_by_severity | length > 0 -%}
        case {{ severity }}
            {%- for name, hours in hours_by_severity.items() %}
            when {{ corridor.sql_string(name) }} then {{ (hours * 60) | round | int }}
            {%- endfor %}
        end
    {%- else -%}
        cast(null as {{ dbt.type_int() }})
    {%- endif -%}
{%- endmacro %}
