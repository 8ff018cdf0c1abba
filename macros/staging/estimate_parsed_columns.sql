{#-
    corridor.estimate_parsed_columns(columns): the optional parsed fields of
    the offline-estimates input, as an ordered mapping key -> SQL (none when
    the field is not mapped): the numbers standard_error, interval_lower,
    interval_upper, confidence_level, sample_size (doubles), then the times
    produced_at, valid_from, valid_to (corridor.parse_timestamp), by
    corridor.typed_column_expressions. A value that is given but does not
    parse is flagged (corridor.parsed_value_columns) and quarantined, never
    silently null. `columns` is what corridor.resolve_input_columns returned.
-#}
{% macro estimate_parsed_columns(columns) -%}
    {{ return(adapter.dispatch('estimate_parsed_columns', 'corridor')(columns)) }}
{%- endmacro %}

{% macro default__estimate_parsed_columns(columns) -%}
    {%- set number_keys = ['standard_error', 'interval_lower', 'interval_upper', 'confidence_level', 'sample_size'] -%}
    {%- set parsed = corridor.typed_column_expressions(columns, number_keys, 'double') -%}
    {%- do parsed.update(corridor.typed_column_expressions(columns, ['produced_at', 'valid_from', 'valid_to'], 'timestamp')) -%}
    {{ return(parsed) }}
{%- endmacro %}
