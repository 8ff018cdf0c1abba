{#-
    corridor.null_rate_gate_check(column, input_column): the window-level gate
    check of the share of production event rows without `column` (mapped from
    the input column `input_column`), as a gate check spec (see
    corridor.window_gate_checks). Reads n_rows and n_null_<column> of the
    windows relation.
-#}
{% macro null_rate_gate_check(column, input_column) %}
    {{ return(adapter.dispatch('null_rate_gate_check', 'corridor')(column, input_column)) }}
{% endmacro %}

{% macro default__null_rate_gate_check(column, input_column) %}
    {%- set double = corridor.type_double() -%}
    {%- set string = dbt.type_string() -%}
    {%- set n_null = 'n_null_' ~ column -%}
    {%- set bad -%}
        {{ corridor.format_decimal('100.0 * ' ~ n_null ~ ' / nullif(n_rows, 0)', 1) }}
        || '% of ' || cast(n_rows as {{ string }}) || ' rows have no {{ column }} (input column '
        || {{ corridor.sql_string(input_column) }} || '): probable cause: an upstream schema or mapping change'
    {%- endset -%}
    {%- set ok -%}
        cast({{ n_null }} as {{ string }}) || ' of ' || cast(n_rows as {{ string }}) || ' rows without {{ column }}'
    {%- endset -%}
    {{ return({
        'name': 'null_rate_' ~ column, 'config': 'null_rate', 'input_name': "'production_events'",
        'measured': 'cast(' ~ n_null ~ ' as ' ~ double ~ ') / nullif(n_rows, 0)', 'judged': 'true',
        'checked': 'n_rows', 'affected': n_null,
        'bad': bad, 'ok': ok,
    }) }}
{% endmacro %}
