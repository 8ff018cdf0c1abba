{#-
    corridor.json_object_text(pairs): a JSON object, as text, from a list of
    (key, sql expression) pairs; keys are configuration names (quoted as
    literals), values are rendered as text. Used to keep quarantined rows
    exactly as they arrived.
-#}
{% macro json_object_text(pairs) -%}
    {{ return(adapter.dispatch('json_object_text', 'corridor')(pairs)) }}
{%- endmacro %}

{% macro default__json_object_text(pairs) -%}
    cast(json_build_object(
        {%- for key, expr in pairs %}
        {{ corridor.sql_string(key) }}, cast({{ expr }} as {{ dbt.type_string() }}){{ ',' if not loop.last }}
        {%- endfor %}
    ) as {{ dbt.type_string() }})
{%- endmacro %}

{% macro duckdb__json_object_text(pairs) -%}
    cast(json_object(
        {%- for key, expr in pairs %}
        {{ corridor.sql_string(key) }}, cast({{ expr }} as {{ dbt.type_string() }}){{ ',' if not loop.last }}
        {%- endfor %}
    ) as {{ dbt.type_string() }})
{%- endmacro %}

{#- Spark's to_json drops null fields unless told not to: a null value stays a key with null, as elsewhere -#}
{% macro spark__json_object_text(pairs) -%}
    to_json(named_struct(
        {%- for key, expr in pairs %}
        {{ corridor.sql_string(key) }}, cast({{ expr }} as string){{ ',' if not loop.last }}
        {%- endfor %}
    ), map('ignoreNullFields', 'false'))
{%- endmacro %}
