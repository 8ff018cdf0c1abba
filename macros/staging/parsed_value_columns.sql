{#-
    corridor.parsed_value_columns(columns, parsed): the select-list items of
    an input's optional parsed fields, each preceded by a comma (the call
    follows the last item of a select list): for each key -> parsed SQL of
    `parsed` (corridor.estimate_parsed_columns), `<key>_is_unparseable`
    (corridor.is_unparseable) and the parsed value `<key>`; false and a
    typed null when the field is not mapped (a timestamp for keys ending in
    _at, _from or _to, else a double). `columns` is what
    corridor.resolve_input_columns returned.
-#}
{% macro parsed_value_columns(columns, parsed) -%}
    {{ return(adapter.dispatch('parsed_value_columns', 'corridor')(columns, parsed)) }}
{%- endmacro %}

{% macro default__parsed_value_columns(columns, parsed) -%}
    {%- for key, expr in parsed.items() %},
        {%- if expr is none %}
        false as {{ key }}_is_unparseable,
        cast(null as {{ dbt.type_timestamp() if key.endswith(('_at', '_from', '_to')) else corridor.type_double() }}) as {{ key }}
        {%- else %}
        {{ corridor.is_unparseable(columns[key], expr) }} as {{ key }}_is_unparseable,
        {{ expr }} as {{ key }}
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
