{#
    corridor.label_free_rule_checks(): the rules-registry checks of the
    optional rule column observation_source, as [code, condition, reason]
    triples for int_corridor__rules_checked: it must be production or
    label_free_estimate; a label-free rule needs a metric the estimate
    publishes (accuracy, precision, recall, auc) and the estimate turned on
    (var corridor_label_free_reference).
#}
{% macro label_free_rule_checks() %}
    {{ return(adapter.dispatch('label_free_rule_checks', 'corridor')()) }}
{% endmacro %}

{% macro default__label_free_rule_checks() %}
    {%- set checks = [
        ['unknown_observation_source', "observation_source not in ('production', 'label_free_estimate')",
            "'observation_source ''' || observation_source || ''' is not production or label_free_estimate'"],
        ['metric_without_label_free_estimate', "observation_source = 'label_free_estimate' and metric not in ('accuracy', 'precision', "
            "'recall', 'auc')",
            "'metric ' || metric || ' has no label-free estimate (accuracy, precision, recall and auc do)'"],
    ] -%}
    {%- if not corridor.label_free_enabled() -%}
        {%- do checks.append(['label_free_estimate_off', "observation_source = 'label_free_estimate'",
            "'observation_source label_free_estimate needs the label-free estimate: set var corridor_label_free_reference "
                "(docs/label-free.md)'"]) -%}
    {%- endif -%}
    {{ return(checks) }}
{% endmacro %}
