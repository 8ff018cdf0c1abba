{#-
    corridor.histogram_grain_list(grains, python_bootstrap): the grains of
    setting corridor_histogram_metric_grains that are among `grains`
    (corridor.bootstrap_grains()), in the setting's order, as a list of SQL
    strings for an `in (...)` (corridor.sql_string_list); 'none' when there
    are none or the Python bootstrap is off (`python_bootstrap` false), which
    matches no window grain.
-#}
{% macro histogram_grain_list(grains, python_bootstrap) -%}
    {{ return(adapter.dispatch('histogram_grain_list', 'corridor')(grains, python_bootstrap)) }}
{%- endmacro %}

{% macro default__histogram_grain_list(grains, python_bootstrap) -%}
    {%- set histogram_grains = [] -%}
    {%- for grain in corridor.setting('corridor_histogram_metric_grains') if grain in grains and python_bootstrap -%}
        {%- do histogram_grains.append(grain) -%}
    {%- endfor -%}
    {{ return(corridor.sql_string_list(histogram_grains or ['none'])) }}
{%- endmacro %}
