{#- corridor.regex_match(expr, pattern): true when the text matches the (POSIX / RE2 common subset) pattern. -#}

{% macro regex_match(expr, pattern) -%}
    {{ return(adapter.dispatch('regex_match', 'corridor')(expr, pattern)) }}
{%- endmacro %}

{% macro default__regex_match(expr, pattern) -%}
    ({{ expr }} ~ {{ corridor.sql_string(pattern) }})
{%- endmacro %}

{% macro duckdb__regex_match(expr, pattern) -%}
    regexp_matches({{ expr }}, {{ corridor.sql_string(pattern) }})
{%- endmacro %}

{% macro spark__regex_match(expr, pattern) -%}
    ({{ expr }} rlike {{ corridor.sql_string(pattern) }})
{%- endmacro %}
