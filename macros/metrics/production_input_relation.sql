{#
    corridor.production_input_relation(metric): the input_relation of a
    production metric row, as a SQL case expression on the metric column:
    the events and outcomes relations (corridor.input_relation_name) for a
    metric that reads labels, the events relation for the others.
#}
{% macro production_input_relation(metric) -%}
    {{ return(adapter.dispatch('production_input_relation', 'corridor')(metric)) }}
{%- endmacro %}

{% macro default__production_input_relation(metric) -%}
    {%- set events_relation = corridor.input_relation_name('production_events') -%}
    {%- set label_metrics = ['accuracy', 'precision', 'recall', 'f1', 'auc', 'log_loss', 'brier_score', 'expected_calibration_error',
        'mae', 'rmse', 'label_maturity'] -%}
    case
            when {{ metric }} in ('{{ label_metrics | join("', '") }}')
                then {{ corridor.sql_string(events_relation ~ ' + ' ~ corridor.input_relation_name('outcomes')) }}
            else {{ corridor.sql_string(events_relation) }}
        end
{%- endmacro %}
