{#
    corridor.lineage_input_enabled(input_name): whether a feature-lineage
    input (feature_versions, estimate_feature_versions) is read. Like any
    optional input it is off when its var is null or unset outside the demo;
    and the demo's lineage seeds describe the demo's offline estimates, so
    they are read only while the offline estimates are the demo's too (a
    project reading its own estimates with the demo seeds on gets no demo
    lineage unless it maps the var).
#}
{% macro lineage_input_enabled(input_name) %}
    {{ return(adapter.dispatch('lineage_input_enabled', 'corridor')(input_name)) }}
{% endmacro %}

{% macro default__lineage_input_enabled(input_name) %}
    {%- if not corridor.input_config(input_name)['enabled'] -%}
        {{ return(false) }}
    {%- endif -%}
    {{ return(not (corridor.is_demo_input(input_name) and not corridor.is_demo_input('offline_estimates'))) }}
{% endmacro %}
