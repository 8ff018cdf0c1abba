{#-
    corridor.parse_flag_columns(columns, parsed, types): the select-list items
    that say what arrived in each parsed column of the production-events
    input, each followed by a comma (the call sits inside a select list):
    <key>_is_missing and <key>_is_unparseable for every key of `parsed`
    (corridor.event_parsed_columns). An unmapped column is missing and never
    unparseable; a column the input already types
    (corridor.event_column_is_typed) is missing when null and never
    unparseable; any other is missing when blank (corridor.is_blank) and
    unparseable when it is not blank and does not parse
    (corridor.is_unparseable). `columns` is what corridor.resolve_input_columns
    returned, `types` what corridor.input_column_types returned.
-#}
{% macro parse_flag_columns(columns, parsed, types) -%}
    {{ return(adapter.dispatch('parse_flag_columns', 'corridor')(columns, parsed, types)) }}
{%- endmacro %}

{% macro default__parse_flag_columns(columns, parsed, types) -%}
    {%- for key, expr in parsed.items() %}
        {%- if expr is none %}
        true as {{ key }}_is_missing,
        false as {{ key }}_is_unparseable,
        {%- elif corridor.event_column_is_typed(key, types.get(key, '')) %}
        ({{ columns[key] }} is null) as {{ key }}_is_missing,
        false as {{ key }}_is_unparseable,
        {%- else %}
        {{ corridor.is_blank(columns[key]) }} as {{ key }}_is_missing,
        {{ corridor.is_unparseable(columns[key], expr) }} as {{ key }}_is_unparseable,
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
