{#
    corridor.input_relation_name(input_name): the fully qualified name of an
    input's relation, as a string, for lineage columns. Unlike
    corridor.input_relation() it does not call ref(), so models downstream of
    staging can name their inputs without reading them.
#}
{% macro input_relation_name(input_name) %}
    {{ return(adapter.dispatch('input_relation_name', 'corridor')(input_name)) }}
{% endmacro %}

{% macro default__input_relation_name(input_name) %}
    {%- set cfg = corridor.input_config(input_name) -%}
    {%- if not cfg['enabled'] -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set spec = cfg['relation_spec'] -%}
    {%- if 'relation' in spec -%}
        {{ return(spec['relation'] | string) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(input_name) }}
    {%- endif -%}
    {%- if 'ref' in spec -%}
        {%- set name = spec['ref'] if spec['ref'] is string else spec['ref'][1] -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type in ['model', 'seed', 'snapshot'] and node.name == name and node.relation_name -%}
                {{ return(node.relation_name) }}
            {%- endif -%}
        {%- endfor -%}
        {{ return(name) }}
    {%- else -%}
        {%- for node in graph.sources.values() -%}
            {%- if node.source_name == spec['source'][0] and node.name == spec['source'][1] -%}
                {{ return(node.relation_name) }}
            {%- endif -%}
        {%- endfor -%}
        {{ return(spec['source'] | join('.')) }}
    {%- endif -%}
{% endmacro %}
