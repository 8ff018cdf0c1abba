{#-
    corridor.staged_typed_columns(columns, types): the select-list items that
    parse the given keys of an input, each followed by a comma (the call sits
    inside a select list): for each key -> SQL type of `types`, the parsed
    value `<key>` (corridor.try_cast to the type) and `<key>_is_unparseable`
    (corridor.is_unparseable); a typed null and false when the key is not
    mapped. `columns` is what corridor.resolve_input_columns returned.
-#}
{% macro staged_typed_columns(columns, types) -%}
    {{ return(adapter.dispatch('staged_typed_columns', 'corridor')(columns, types)) }}
{%- endmacro %}

{% macro default__staged_typed_columns(columns, types) -%}
    {%- for key, type in types.items() %}
        {%- if columns[key] %}
        {{ corridor.try_cast(columns[key], type) }} as {{ key }},
        {{ corridor.is_unparseable(columns[key], corridor.try_cast(columns[key], type)) }} as {{ key }}_is_unparseable,
        {%- else %}
        cast(null as {{ type }}) as {{ key }},
        false as {{ key }}_is_unparseable,
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
