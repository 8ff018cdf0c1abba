{#-
    corridor.scenario_touches_metric(kind, metric): a SQL condition, true when
    a scenario of kind `kind` (a column or expression) changes metric
    `metric` (corridor.scenario_kinds).
-#}
{% macro scenario_touches_metric(kind, metric) -%}
    {{ return(adapter.dispatch('scenario_touches_metric', 'corridor')(kind, metric)) }}
{%- endmacro %}


{% macro default__scenario_touches_metric(kind, metric) -%}
    (
    {%- for name, spec in corridor.scenario_kinds().items() %}
        {{ 'or ' if not loop.first }}({{ kind }} = {{ corridor.sql_string(name) }} and {{ metric }} in
            ({{ corridor.sql_string_list(spec['metrics']) }}))
    {%- endfor %}
    )
{%- endmacro %}
