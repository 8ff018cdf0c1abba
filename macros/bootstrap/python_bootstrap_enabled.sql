{#-
    corridor.python_bootstrap_enabled(): whether the Python bootstrap models
    run: on DuckDB only, and while setting corridor_python_bootstrap is on.
    The models that feed or read them (int_corridor__value_histograms,
    corridor_metric_intervals) switch on it.
-#}
{% macro python_bootstrap_enabled() -%}
    {{ return(adapter.dispatch('python_bootstrap_enabled', 'corridor')()) }}
{%- endmacro %}

{% macro default__python_bootstrap_enabled() -%}
    {{ return(target.type == 'duckdb' and corridor.setting('corridor_python_bootstrap')) }}
{%- endmacro %}
