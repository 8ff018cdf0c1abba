{#-
    corridor.covered_hours(window_start, window_end, span_start, span_end):
    the whole hours of a window [window_start, window_end) inside a span of
    data [span_start, span_end), at least 0.
-#}
{% macro covered_hours(window_start, window_end, span_start, span_end) -%}
    {{ return(adapter.dispatch('covered_hours', 'corridor')(window_start, window_end, span_start, span_end)) }}
{%- endmacro %}

{% macro default__covered_hours(window_start, window_end, span_start, span_end) -%}
    {%- set covered_start = dbt.cast('greatest(' ~ window_start ~ ', ' ~ span_start ~ ')', dbt.type_timestamp()) -%}
    {%- set covered_end = dbt.cast('least(' ~ window_end ~ ', ' ~ span_end ~ ')', dbt.type_timestamp()) -%}
    greatest({{ dbt.datediff(covered_start, covered_end, 'hour') }}, 0)
{%- endmacro %}
