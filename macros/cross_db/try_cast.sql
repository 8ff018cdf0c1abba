{#
    corridor.try_cast(expr, type): cast, yielding null where the value does not
    convert (instead of failing the whole build). Engines without a native
    try_cast fall back to a plain cast; the data-quality layer reports the
    rows that would not convert.
#}
{% macro try_cast(expr, data_type) %}
    {{ return(adapter.dispatch('try_cast', 'corridor')(expr, data_type)) }}
{% endmacro %}

{% macro default__try_cast(expr, data_type) -%}
    cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro duckdb__try_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{% macro spark__try_cast(expr, data_type) -%}
    try_cast({{ expr }} as {{ data_type }})
{%- endmacro %}

{#-
    PostgreSQL has no try_cast: text is checked against the shape the type
    accepts before casting (for a date or timestamp also that the day exists
    in its month), so a malformed value becomes null (and is quarantined)
    instead of failing the build.
-#}
{% macro postgres__try_cast(expr, data_type) -%}
    {%- set t = data_type | lower -%}
    {%- set txt = 'trim(cast(' ~ expr ~ ' as text))' -%}
    {%- if 'int' in t -%}
        case when {{ txt }} ~ '^[-+]?[0-9]+$' then cast({{ txt }} as {{ data_type }}) end
    {%- elif 'double' in t or 'float' in t or 'numeric' in t or 'decimal' in t or 'real' in t -%}
        case when {{ txt }} ~* '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)(e[-+]?[0-9]+)?$|^[-+]?(nan|inf|infinity)$' then cast({{ txt }}
            as {{ data_type }}) end
    {%- elif 'bool' in t -%}
        case when lower({{ txt }}) in ('true', 'false', 't', 'f', '1', '0', 'yes', 'no', 'y', 'n', 'on', 'off') then cast({{ txt }}
            as {{ data_type }}) end
    {%- elif 'timestamp' in t or t == 'date' -%}
        {#- the shape, then (nested, so it is evaluated after) a day that exists in its month and a year from 1:
            PostgreSQL fails on 2026-02-30 or 0000-01-01 as it does on an offset beyond 15 hours -#}
        {%- set pattern = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
            '([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?\\s*(Z|z|[+-](0[0-9]|1[0-5])(:?[0-5][0-9])?)?$' %}
        {%- set year = 'cast(substr(' ~ txt ~ ', 1, 4) as integer)' -%}
        {%- set month_start = 'make_date(greatest(' ~ year ~ ', 1), cast(substr(' ~ txt ~ ', 6, 2) as integer), 1)' %}
        case when {{ txt }} ~ '{{ pattern }}' then
            case
                when {{ year }} >= 1
                    and cast(substr({{ txt }}, 9, 2) as integer)
                    <= extract(day from {{ month_start }} + interval '1 month' - interval '1 day')
                    then cast({{ txt }} as {{ data_type }})
            end
        end
    {%- else -%}
        cast({{ expr }} as {{ data_type }})
    {%- endif -%}
{%- endmacro %}
