{#
    corridor.built_model_relation(name): the relation of corridor's model
    `name` as the warehouse holds it now (what the previous run left, until
    this run rebuilds it), or none when it does not exist yet or while dbt
    parses. Looked up in the graph, not with ref(), so a model can read
    another's previous state without depending on it:
    corridor.lookback_state_relation (the window statistics) and
    corridor.event_index_snapshot (the arrival state of the event id index).
#}
{% macro built_model_relation(name) %}
    {{ return(adapter.dispatch('built_model_relation', 'corridor')(name)) }}
{% endmacro %}

{% macro default__built_model_relation(name) %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.nodes.values() if node.resource_type == 'model' and node.package_name == 'corridor'
        and node.name == name -%}
        {{ return(adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias)) }}
    {%- endfor -%}
    {{ return(none) }}
{% endmacro %}
