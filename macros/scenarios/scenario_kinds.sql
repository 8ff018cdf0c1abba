{#-
    corridor.scenario_kinds(): the perturbations a scenario can declare
    (docs/scenarios.md), as {kind: {'metrics': [...], 'size': what size
    means, 'min': smallest size, 'max': largest size (none: unbounded)}}.
    The metrics are those the injection changes; only rules on them can
    detect the scenario.
-#}
{% macro scenario_kinds() -%}
    {{ return(adapter.dispatch('scenario_kinds', 'corridor')()) }}
{%- endmacro %}


{% macro default__scenario_kinds() -%}
    {%- set latency = ['latency_mean', 'latency_p50', 'latency_p95', 'latency_p99', 'slow_request_rate'] -%}
    {{ return({
        'latency_multiplier': {'metrics': latency, 'size': 'a positive multiplier of every affected latency', 'min': 0, 'max': none},
        'error_rate_points': {'metrics': ['error_rate'], 'size': 'error-rate points added (0-100)', 'min': 0, 'max': 100},
        'accuracy_points': {'metrics': ['accuracy', 'precision', 'recall', 'f1'], 'size': 'accuracy points removed by label flips (0-100)',
            'min': 0, 'max': 100},
        'tail_latency': {'metrics': latency, 'size': 'the fraction (0-1) of affected requests given corridor_scenario_tail_latency_ms',
            'min': 0, 'max': 1},
    }) }}
{%- endmacro %}
