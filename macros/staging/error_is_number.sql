{#-
    corridor.error_is_number(column, parsed, source_type): the SQL of
    is_error_is_number in stg_corridor__production_events: whether the text
    of the error-status column is a number (corridor.is_number), only read
    with is_error_is_unparseable. `false` when the column is not mapped or
    not parsed (`parsed`: its parsed expression, or none), or when the input
    types it as a boolean (`source_type`, from corridor.input_column_types),
    which is never unparseable and whose text is never a number.
-#}
{% macro error_is_number(column, parsed, source_type) -%}
    {{ return(adapter.dispatch('error_is_number', 'corridor')(column, parsed, source_type)) }}
{%- endmacro %}

{% macro default__error_is_number(column, parsed, source_type) -%}
    {{ return(corridor.is_number(column) if column and parsed and source_type.split('(')[0] not in ['boolean', 'bool'] else 'false') }}
{%- endmacro %}
