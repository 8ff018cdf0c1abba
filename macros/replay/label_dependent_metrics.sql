{#-
    corridor.label_dependent_metrics(): the metrics whose value depends on
    outcomes (labels), so a window's value changes while its labels arrive:
    the performance metrics of the model type and label_maturity. While a
    window's labels arrive, the replay (docs/replay.md) judges it on the
    labels arrived as of each point (corridor.replay_label_metrics).
-#}
{% macro label_dependent_metrics() -%}
    {{ return(adapter.dispatch('label_dependent_metrics', 'corridor')()) }}
{%- endmacro %}


{% macro default__label_dependent_metrics() -%}
    {{ return(['accuracy', 'precision', 'recall', 'f1', 'auc', 'log_loss', 'brier_score', 'expected_calibration_error', 'mae', 'rmse',
        'label_maturity']) }}
{%- endmacro %}
