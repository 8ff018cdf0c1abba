{#-
    corridor.staged_raw_pairs(input_name, relation): the (key, column
    reference) pairs corridor.json_object_text renders into raw_values, for
    the raw columns a staging model kept of an input (corridor.raw_columns:
    raw__1, raw__2, ...) read from the relation `relation` (the staging
    model's rows; none: the columns unqualified).
-#}
{% macro staged_raw_pairs(input_name, relation) -%}
    {{ return(adapter.dispatch('staged_raw_pairs', 'corridor')(input_name, relation)) }}
{%- endmacro %}

{% macro default__staged_raw_pairs(input_name, relation) -%}
    {%- set pairs = [] -%}
    {%- for key, staged, expr in corridor.raw_columns(input_name, {}) -%}
        {%- do pairs.append((key, relation ~ '.' ~ staged if relation else staged)) -%}
    {%- endfor -%}
    {{ return(pairs) }}
{%- endmacro %}
