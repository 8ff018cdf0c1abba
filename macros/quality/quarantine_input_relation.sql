{#-
    corridor.quarantine_input_relation(input_name): a case expression on the
    column `input_name` giving the relation an input of corridor_quarantine
    reads (corridor.input_relation_name), for every configured input whose
    rows can be quarantined (production_events, outcomes, offline_estimates
    and the optional governance and lineage inputs).
-#}
{% macro quarantine_input_relation(input_name) -%}
    {{ return(adapter.dispatch('quarantine_input_relation', 'corridor')(input_name)) }}
{%- endmacro %}

{% macro default__quarantine_input_relation(input_name) -%}
    {%- set names = ['production_events', 'outcomes', 'offline_estimates', 'approvals', 'alert_acknowledgements', 'post_mortems',
        'review_roster', 'feature_versions', 'estimate_feature_versions'] -%}
    case {{ input_name }}
            {%- for name in names if corridor.input_config(name)['enabled'] %}
            when {{ corridor.sql_string(name) }} then {{ corridor.sql_string(corridor.input_relation_name(name)) }}
            {%- endfor %}
        end
{%- endmacro %}
