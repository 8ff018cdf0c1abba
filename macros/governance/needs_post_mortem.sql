{#-
    corridor.needs_post_mortem(breach_level, severity, severities): SQL
    condition that an alert (its breach_level and severity columns) needs a
    post-mortem: a fail alert of a severity in severities (var
    corridor_post_mortem_severities); false when that list is empty.
-#}
{% macro needs_post_mortem(breach_level, severity, severities) -%}
    {{ return(adapter.dispatch('needs_post_mortem', 'corridor')(breach_level, severity, severities)) }}
{%- endmacro %}

{% macro default__needs_post_mortem(breach_level, severity, severities) -%}
    {%- if severities | length > 0 -%}
        {{ breach_level }} = 'fail' and {{ severity }} in ({{ corridor.sql_string_list(severities) }})
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}
