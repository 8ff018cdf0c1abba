{#-
    corridor.event_parsed_columns(columns, types): the parsed expression of
    each typed column of the production-events input, as a mapping key ->
    SQL (none when the column is not mapped), in staging order: latency_ms,
    predicted_score, predicted_value (doubles), predicted_class (an
    integer), is_error (corridor.parse_is_error with setting
    corridor_error_status_min), event_at and loaded_at
    (corridor.parse_timestamp). `columns` is what
    corridor.resolve_input_columns returned, `types` what
    corridor.input_column_types returned (the input's column types, which
    let a typed column skip parsing).
-#}
{% macro event_parsed_columns(columns, types) -%}
    {{ return(adapter.dispatch('event_parsed_columns', 'corridor')(columns, types)) }}
{%- endmacro %}

{% macro default__event_parsed_columns(columns, types) -%}
    {%- set c = columns -%}
    {%- set double = corridor.type_double() -%}
    {{ return({
        'latency_ms': corridor.try_cast(c['latency_ms'], double) if c['latency_ms'] else none,
        'predicted_score': corridor.try_cast(c['predicted_score'], double) if c['predicted_score'] else none,
        'predicted_value': corridor.try_cast(c['predicted_value'], double) if c['predicted_value'] else none,
        'predicted_class': corridor.try_cast(c['predicted_class'], dbt.type_int()) if c['predicted_class'] else none,
        'is_error': corridor.parse_is_error(c['is_error'], types.get('is_error'), corridor.setting('corridor_error_status_min'))
            if c['is_error'] else none,
        'event_at': corridor.parse_timestamp(c['event_at'], types.get('event_at')) if c['event_at'] else none,
        'loaded_at': corridor.parse_timestamp(c['loaded_at'], types.get('loaded_at')) if c['loaded_at'] else none,
    }) }}
{%- endmacro %}
