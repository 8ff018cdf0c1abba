{#
    corridor.lineage_input_relation(input_name): the relation of a
    feature-lineage input (feature_versions, estimate_feature_versions), or
    none when it is switched off (corridor.lineage_input_enabled). Only the
    lineage staging models call this.
#}
{% macro lineage_input_relation(input_name) %}
    {{ return(adapter.dispatch('lineage_input_relation', 'corridor')(input_name)) }}
{% endmacro %}

{% macro default__lineage_input_relation(input_name) %}
    {%- if not corridor.lineage_input_enabled(input_name) -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(corridor.input_relation(input_name)) }}
{% endmacro %}
