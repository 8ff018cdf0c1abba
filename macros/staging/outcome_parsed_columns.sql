{#-
    corridor.outcome_parsed_columns(columns, types): the parsed expressions of
    the outcomes input, {'label': the label as a double (corridor.try_cast),
    'label_arrived_at': the arrival time (corridor.parse_timestamp; none when
    the column is not mapped)}. `columns` is what
    corridor.resolve_input_columns returned, `types` what
    corridor.input_column_types returned.
-#}
{% macro outcome_parsed_columns(columns, types) -%}
    {{ return(adapter.dispatch('outcome_parsed_columns', 'corridor')(columns, types)) }}
{%- endmacro %}

{% macro default__outcome_parsed_columns(columns, types) -%}
    {{ return({
        'label': corridor.try_cast(columns['label'], corridor.type_double()),
        'label_arrived_at': corridor.parse_timestamp(columns['label_arrived_at'], types.get('label_arrived_at'))
            if columns['label_arrived_at'] else none,
    }) }}
{%- endmacro %}
