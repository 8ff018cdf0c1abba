{#- corridor.format_decimal(expr, decimals): a number rounded to `decimals` places, as text, for diagnostics. -#}
{% macro format_decimal(expr, decimals=1) -%}
    {{ return(adapter.dispatch('format_decimal', 'corridor')(expr, decimals)) }}
{%- endmacro %}

{% macro default__format_decimal(expr, decimals=1) -%}
    coalesce(cast(round(cast({{ expr }} as decimal(38, 6)), {{ decimals }}) as {{ dbt.type_string() }}), 'n/a')
{%- endmacro %}
