{#-
    corridor.enabled_governance_inputs(): the governance inputs that are on
    (approvals, alert_acknowledgements, post_mortems, review_roster,
    known_incidents, in that order; corridor.input_config(name)['enabled']).
-#}
{% macro enabled_governance_inputs() -%}
    {{ return(adapter.dispatch('enabled_governance_inputs', 'corridor')()) }}
{%- endmacro %}

{% macro default__enabled_governance_inputs() -%}
    {%- set inputs_on = [] -%}
    {%- for governance_input in ['approvals', 'alert_acknowledgements', 'post_mortems', 'review_roster', 'known_incidents']
        if corridor.input_config(governance_input)['enabled'] -%}
        {%- do inputs_on.append(governance_input) -%}
    {%- endfor -%}
    {{ return(inputs_on) }}
{%- endmacro %}
