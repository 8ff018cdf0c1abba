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
    accepts before casting, so a malformed value becomes null (and is
    quarantined) instead of failing the build.
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
        {%- set pattern = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])'
            '([ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?)?\\s*(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)?$' %}
        case when {{ txt }} ~ '{{ pattern }}' then cast({{ txt }} as {{ data_type }}) end
    {%- else -%}
        cast({{ expr }} as {{ data_type }})
    {%- endif -%}
{%- endmacro %}
