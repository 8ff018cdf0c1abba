{#- corridor.sql_string_list(values): `'a', 'b'` for an IN list, every value quoted as a literal. -#}
{% macro sql_string_list(values) -%}
    {{ return(adapter.dispatch('sql_string_list', 'corridor')(values)) }}
{%- endmacro %}

{% macro default__sql_string_list(values) -%}
    {%- set quoted = [] -%}
    {%- for v in values -%}
        {%- do quoted.append(corridor.sql_string(v)) -%}
    {%- endfor -%}
    {{ return(quoted | join(', ')) }}
{%- endmacro %}
