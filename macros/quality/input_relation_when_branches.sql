{#-
    corridor.input_relation_when_branches(): the `when` branches of a simple
    SQL case over an input's name that give the relation it is read from
    (corridor.input_relation_name), one per input that is on, in a fixed
    order: production_events, outcomes, the governance inputs, the lineage
    inputs and offline_evaluation (offline_estimates is the case's `else`).
-#}
{% macro input_relation_when_branches() -%}
    {{ return(adapter.dispatch('input_relation_when_branches', 'corridor')()) }}
{%- endmacro %}

{% macro default__input_relation_when_branches() -%}
            {%- for name in ['production_events', 'outcomes', 'approvals', 'alert_acknowledgements', 'post_mortems', 'review_roster',
                'known_incidents', 'feature_versions', 'estimate_feature_versions', 'offline_evaluation']
                if corridor.input_config(name)['enabled'] %}
            when {{ corridor.sql_string(name) }} then {{ corridor.sql_string(corridor.input_relation_name(name)) }}
            {%- endfor %}
{%- endmacro %}
