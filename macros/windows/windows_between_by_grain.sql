{#
    corridor.windows_between_by_grain(grain_column, first, last):
    corridor.windows_between for a grain held in a column: a CASE over the
    grains of var corridor_window_grains and of the rolling windows.
#}
{% macro windows_between_by_grain(grain_column, first, last) %}
    {{ return(adapter.dispatch('windows_between_by_grain', 'corridor')(grain_column, first, last)) }}
{% endmacro %}

{% macro default__windows_between_by_grain(grain_column, first, last) -%}
    case {{ grain_column }}
        {%- for grain in corridor.setting('corridor_window_grains') + (corridor.rolling_windows() | map(attribute='name') | list) %}
        when '{{ grain }}' then {{ corridor.windows_between(grain, first, last) }}
        {%- endfor %}
    end
{%- endmacro %}
