{#
    corridor.relation_has_column(relation, name): whether the table
    `relation` (as the warehouse holds it now) has the column `name`
    (compared in lower case). For state tables that an older corridor wrote
    without a column a newer one reads (int_corridor__event_arrival_state's
    invocation_id, int_corridor__events_enriched_state's
    events_invocation_id, int_corridor__replay_event_state's invocation_id).
#}
{% macro relation_has_column(relation, name) %}
    {{ return(name | lower in adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list) }}
{% endmacro %}
