{#
    corridor.parse_is_error(expr, source_type, status_min): the production
    event's error flag as a boolean, or null when the value is not one.

    By default only boolean-like values count: true/false, t/f, yes/no, y/n
    and the numbers 1/0 (any case, surrounding blanks ignored). Any other
    value, an HTTP status such as 500 included, is null here, and the row is
    quarantined (reason is_error_not_boolean for a number,
    unparseable_is_error otherwise) instead of a plain cast silently making
    every non-zero status an error. With var corridor_error_status_min set
    (e.g. 500), the column is read as a status code instead: an error when
    the status is at least that.
#}
{% macro parse_is_error(expr, source_type, status_min) %}
    {{ return(adapter.dispatch('parse_is_error', 'corridor')(expr, source_type, status_min)) }}
{% endmacro %}

{% macro default__parse_is_error(expr, source_type, status_min) -%}
    {%- set text = 'lower(trim(cast(' ~ expr ~ ' as ' ~ dbt.type_string() ~ ')))' -%}
    {%- set number = corridor.try_cast('trim(cast(' ~ expr ~ ' as ' ~ dbt.type_string() ~ '))', corridor.type_double()) -%}
    {%- if status_min is not none -%}
        case when {{ number }} >= {{ status_min }} then true when {{ number }} is not null then false end
    {%- elif (source_type or '') | lower in ['boolean', 'bool'] -%}
        {{ expr }}
    {%- else -%}
        case
            when {{ text }} in ('true', 't', 'yes', 'y') then true
            when {{ text }} in ('false', 'f', 'no', 'n') then false
            when {{ number }} = 1 then true
            when {{ number }} = 0 then false
        end
    {%- endif -%}
{%- endmacro %}
