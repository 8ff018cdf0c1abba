{#
    corridor.accepted_governance_rows(input_name): SQL selecting the accepted
    rows of a governance input (approvals, alert_acknowledgements,
    post_mortems, review_roster): its staging model without the rows
    corridor.governance_rejection_reasons sends to corridor_quarantine.
#}
{% macro accepted_governance_rows(input_name) %}
    {{ return(adapter.dispatch('accepted_governance_rows', 'corridor')(input_name)) }}
{% endmacro %}

{% macro default__accepted_governance_rows(input_name) -%}
    select * from {{ ref('stg_corridor__' ~ input_name) }}
    where not {{ corridor.any_reason(corridor.governance_rejection_reasons(input_name)) }}
{%- endmacro %}
