{#
    corridor.input_column_types(input_name, relation): {corridor column: the
    mapped column's data type in the input relation (lower case)}, for the
    mapped columns that exist; empty before execution. Lets staging cast a
    column that is already typed without going through text.
#}
{% macro input_column_types(input_name, relation) %}
    {{ return(adapter.dispatch('input_column_types', 'corridor')(input_name, relation)) }}
{% endmacro %}

{% macro default__input_column_types(input_name, relation) %}
    {%- set types = {} -%}
    {%- if not execute or relation is none or flags.WHICH in ['compile', 'docs', 'list', 'ls', 'parse'] -%}
        {{ return(types) }}
    {%- endif -%}
    {%- set found = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
    {%- if found is none -%}
        {{ return(types) }}
    {%- endif -%}
    {%- set actual = {} -%}
    {%- for col in adapter.get_columns_in_relation(found) -%}
        {%- do actual.update({col.name | lower: col.dtype | lower}) -%}
    {%- endfor -%}
    {%- for key, column in corridor.input_config(input_name)['columns'].items() -%}
        {%- if column is not none and (column | string | lower) in actual -%}
            {%- do types.update({key: actual[column | string | lower]}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(types) }}
{% endmacro %}
