{#-
    corridor.format_number(x): a short text rendering of a number for reason
    lines (4 significant digits), or 'n/a' when null.
-#}
{% macro format_number(x) %}
    {{ return(adapter.dispatch('format_number', 'corridor')(x)) }}
{% endmacro %}

{% macro default__format_number(x) -%}
    coalesce(
        case
            when {{ x }} = 0 then '0'
            when abs({{ x }}) >= 1e15 or abs({{ x }}) < 1e-6 then cast(cast({{ x }} as {{ corridor.type_double() }}) as {{ dbt.type_string() }})
            else cast(cast(round(cast({{ x }} as numeric), cast(3 - floor(log(abs(cast({{ x }} as numeric)))) as integer)) as {{ corridor.type_double() }}) as {{ dbt.type_string() }})
        end,
        'n/a'
    )
{%- endmacro %}

{% macro duckdb__format_number(x) -%}
    coalesce(printf('%.4g', cast({{ x }} as double)), 'n/a')
{%- endmacro %}

{% macro spark__format_number(x) -%}
    coalesce(format_string('%.4g', cast({{ x }} as double)), 'n/a')
{%- endmacro %}
