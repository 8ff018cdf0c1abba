{#-
    corridor.outcome_parse_flags(columns, parsed, types): the select-list
    items that say what arrived in the outcomes input's parsed columns, each
    followed by a comma (the call sits inside a select list):
    label_is_missing, label_is_unparseable and
    label_arrived_at_is_unparseable. A column the input already types (a
    number for the label, a timestamp or date for the arrival time, from
    `types`: corridor.input_column_types) is missing when null and never
    unparseable: the checks on its text (a cast to text per row, the costly
    part of a scan at 100M rows) are for text inputs. `parsed` is what
    corridor.outcome_parsed_columns returned, `columns` what
    corridor.resolve_input_columns returned.
-#}
{% macro outcome_parse_flags(columns, parsed, types) -%}
    {{ return(adapter.dispatch('outcome_parse_flags', 'corridor')(columns, parsed, types)) }}
{%- endmacro %}

{% macro default__outcome_parse_flags(columns, parsed, types) -%}
    {%- set label_type = types.get('label', '').split('(')[0].split(' ')[0] -%}
    {%- set label_is_typed = label_type in ['double', 'float', 'real', 'numeric', 'decimal', 'integer', 'bigint', 'smallint', 'int',
        'tinyint', 'hugeint'] -%}
    {%- set arrived_type = types.get('label_arrived_at', '') -%}
    {%- set arrived_is_typed = arrived_type.startswith('timestamp') or arrived_type == 'date' -%}
    {%- if label_is_typed %}
        ({{ columns['label'] }} is null) as label_is_missing,
        false as label_is_unparseable,
    {%- else %}
        {{ corridor.is_blank(columns['label']) }} as label_is_missing,
        {{ corridor.is_unparseable(columns['label'], parsed['label']) }} as label_is_unparseable,
    {%- endif %}
    {%- if parsed['label_arrived_at'] is none or arrived_is_typed %}
        false as label_arrived_at_is_unparseable,
    {%- else %}
        {{ corridor.is_unparseable(columns['label_arrived_at'], parsed['label_arrived_at']) }} as label_arrived_at_is_unparseable,
    {%- endif %}
{%- endmacro %}
