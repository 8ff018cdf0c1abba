{#
    corridor.window_start(grain, ts): the UTC start of the hour, day or ISO week
    (Monday) containing ts. corridor.window_end(grain, start): its exclusive end.
#}
{% macro window_start(grain, ts) %}
    {{ return(adapter.dispatch('window_start', 'corridor')(grain, ts)) }}
{% endmacro %}

{% macro default__window_start(grain, ts) -%}
    {%- if grain not in ['hour', 'day', 'week'] -%}
        {{ exceptions.raise_compiler_error("corridor.window_start: grain must be hour, day or week; got " ~ grain) }}
    {%- endif -%}
    {{ dbt.date_trunc(grain, ts) }}
{%- endmacro %}


{% macro window_end(grain, start) %}
    {{ return(adapter.dispatch('window_end', 'corridor')(grain, start)) }}
{% endmacro %}

{% macro default__window_end(grain, start) -%}
    {{ dbt.dateadd('hour', corridor.grain_hours(grain), start) }}
{%- endmacro %}


{#- The length of a grain in hours (a Jinja number). -#}
{% macro grain_hours(grain) %}
    {{ return({'hour': 1, 'day': 24, 'week': 168}[grain]) }}
{% endmacro %}
