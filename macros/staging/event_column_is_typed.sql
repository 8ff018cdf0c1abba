{#-
    corridor.event_column_is_typed(key, source_type): whether the
    production-events input already types the column of `key` (one of
    corridor.event_parsed_columns' keys) as corridor reads it, from its
    `source_type` (corridor.input_column_types; '' when unknown): a number
    for latency_ms / predicted_score / predicted_value / predicted_class, a
    boolean for is_error, a timestamp or date for event_at / loaded_at. A
    typed column is missing when null and never unparseable: the checks on
    its text (a cast to text per row) are for text inputs.
-#}
{% macro event_column_is_typed(key, source_type) -%}
    {{ return(adapter.dispatch('event_column_is_typed', 'corridor')(key, source_type)) }}
{%- endmacro %}

{% macro default__event_column_is_typed(key, source_type) -%}
    {%- set typed_as = {
        'latency_ms': ['double', 'float', 'real', 'numeric', 'decimal', 'integer', 'bigint', 'smallint', 'int', 'hugeint'],
        'predicted_score': ['double', 'float', 'real', 'numeric', 'decimal'],
        'predicted_value': ['double', 'float', 'real', 'numeric', 'decimal', 'integer', 'bigint', 'smallint', 'int', 'hugeint'],
        'predicted_class': ['integer', 'bigint', 'smallint', 'int', 'tinyint', 'hugeint'],
        'is_error': ['boolean', 'bool'],
        'event_at': ['timestamp', 'date'],
        'loaded_at': ['timestamp', 'date'],
    } -%}
    {{ return((source_type.split('(')[0].split(' ')[0]) in typed_as[key]
        or (key in ['event_at', 'loaded_at'] and source_type.startswith('timestamp'))) }}
{%- endmacro %}
