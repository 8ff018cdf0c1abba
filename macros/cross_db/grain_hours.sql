{#- The nominal length of a grain in hours (a Jinja number; a month counts 30 days; a rolling window its days). -#}

{% macro grain_hours(grain) %}
    {%- set rolling = corridor.rolling_windows() | selectattr('name', 'equalto', grain) | list -%}
    {{ return(rolling[0]['days'] * 24 if rolling else {'hour': 1, 'day': 24, 'week': 168, 'month': 720}[grain]) }}
{% endmacro %}
