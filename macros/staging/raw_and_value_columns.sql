{#-
    corridor.raw_and_value_columns(columns, parsed): for each key of `parsed`
    (an ordered mapping key -> parsed SQL, e.g. corridor.typed_column_expressions
    of the rules' numbers), the select-list items `<key>_raw` (the column's
    text as given, trimmed; null when blank or unmapped) and `<key>_value`
    (the parsed value), separated by commas (none after the last), so that a
    check can tell an unparseable or fractional value from an absent one.
    `columns` is what corridor.resolve_input_columns returned.
-#}
{% macro raw_and_value_columns(columns, parsed) -%}
    {{ return(adapter.dispatch('raw_and_value_columns', 'corridor')(columns, parsed)) }}
{%- endmacro %}

{% macro default__raw_and_value_columns(columns, parsed) -%}
    {%- for key, expr in parsed.items() %}
        nullif(trim(cast({{ columns[key] or 'null' }} as {{ dbt.type_string() }})), '') as {{ key }}_raw,
        {{ expr }} as {{ key }}_value
        {%- if not loop.last %},{% endif %}
    {%- endfor %}
{%- endmacro %}
