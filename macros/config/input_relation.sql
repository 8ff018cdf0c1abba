{#
    corridor.input_relation(input_name): the relation an input is read from, as
    configured in its var. Calls ref() / source() so dbt records the
    dependency: a user's own model can be an input. Returns none for an
    optional input that is switched off. Only staging models call this.
#}
{% macro input_relation(input_name) %}
    {{ return(adapter.dispatch('input_relation', 'corridor')(input_name)) }}
{% endmacro %}

{% macro default__input_relation(input_name) %}
    {%- set cfg = corridor.input_config(input_name) -%}
    {%- if not cfg['enabled'] -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set spec = cfg['relation_spec'] -%}
    {%- if 'ref' in spec -%}
        {%- set target_ref = spec['ref'] -%}
        {%- if target_ref is string and target_ref.startswith('corridor_demo_') -%}
            {{ return(ref('corridor', target_ref)) }}
        {%- elif target_ref is string -%}
            {#- a one-word ref names a node of the root project (the user's) -#}
            {{ return(ref(project_name, target_ref)) }}
        {%- elif target_ref | length == 2 -%}
            {{ return(ref(target_ref[0], target_ref[1])) }}
        {%- else -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ cfg['var'] ~ ".ref' must be a model name or [package, model]; got "
                ~ target_ref) }}
        {%- endif -%}
    {%- elif 'source' in spec -%}
        {%- set src = spec['source'] -%}
        {%- if src is string or src | length != 2 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ cfg['var'] ~ ".source' must be [source name, table name]; got " ~ src) }}
        {%- endif -%}
        {{ return(source(src[0], src[1])) }}
    {%- else -%}
        {%- set parts = (spec['relation'] | string).split('.') -%}
        {#- Spark's targets have no database: a relation there is schema.table -#}
        {%- set database = target.database if target.database is defined else none -%}
        {%- if parts | length == 1 -%}
            {{ return(api.Relation.create(database=database, schema=target.schema, identifier=parts[0])) }}
        {%- elif parts | length == 2 -%}
            {{ return(api.Relation.create(database=database, schema=parts[0], identifier=parts[1])) }}
        {%- elif parts | length == 3 -%}
            {{ return(api.Relation.create(database=parts[0], schema=parts[1], identifier=parts[2])) }}
        {%- else -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ cfg['var'] ~ ".relation' must look like table, schema.table or "
                "database.schema.table; got " ~ spec['relation']) }}
        {%- endif -%}
    {%- endif -%}
{% endmacro %}
