{#
    corridor.label_free_gate_exempt(observation_source, failing_checks): a SQL
    condition, true when a check judges the label-free estimate and the only
    quality gate its window fails is label_maturity. Labels that have not
    arrived are what the estimate is for, so they do not block it; any other
    failing gate does.
#}
{% macro label_free_gate_exempt(observation_source, failing_checks) %}
    {{ return(adapter.dispatch('label_free_gate_exempt', 'corridor')(observation_source, failing_checks)) }}
{% endmacro %}

{% macro default__label_free_gate_exempt(observation_source, failing_checks) -%}
    coalesce({{ observation_source }} = 'label_free_estimate' and {{ failing_checks }} = 'label_maturity', false)
{%- endmacro %}
