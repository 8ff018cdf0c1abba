{#
    corridor.resolve_input_columns(input_name, relation, extra={}): check, when
    dbt executes, that the relation exists and has every mapped column, and
    return {corridor column: quoted column reference or none}.

    `extra` maps further corridor names to input columns that must exist too
    (segment and feature columns), under the var named in `extra_var`.
    Column names are matched case-insensitively and emitted with the
    relation's own spelling, quoted, so names with spaces or quotes are safe.
#}
{% macro resolve_input_columns(input_name, relation, extra={}, extra_var=none) %}
    {{ return(adapter.dispatch('resolve_input_columns', 'corridor')(input_name, relation, extra, extra_var)) }}
{% endmacro %}

{% macro default__resolve_input_columns(input_name, relation, extra, extra_var) %}
    {%- set cfg = corridor.input_config(input_name) -%}
    {%- set wanted = [] -%}
    {%- for key, column in cfg['columns'].items() -%}
        {%- do wanted.append({'key': key, 'column': column, 'var': cfg['var'] ~ '.columns.' ~ key}) -%}
    {%- endfor -%}
    {%- for key, column in extra.items() -%}
        {%- do wanted.append({'key': key, 'column': column, 'var': extra_var}) -%}
    {%- endfor -%}

    {%- set actual = {} -%}
    {%- if execute and flags.WHICH not in ['compile', 'docs', 'list', 'ls', 'parse'] -%}
        {%- set found = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
        {%- if found is none -%}
            {{ exceptions.raise_compiler_error("corridor: the " ~ input_name ~ " input configured in var '" ~ cfg['var'] ~ "' points at " ~ relation ~ ", which does not exist. Build or load it first, or change the var.") }}
        {%- endif -%}
        {%- for col in adapter.get_columns_in_relation(found) -%}
            {%- do actual.update({col.name | lower: col.name}) -%}
        {%- endfor -%}
        {%- for w in wanted -%}
            {%- if w['column'] is not none and (w['column'] | string | lower) not in actual -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ w['var'] ~ "' maps '" ~ w['key'] ~ "' to column '" ~ w['column'] ~ "', but " ~ relation ~ " has no such column. Its columns are: " ~ (actual.values() | list | join(', ')) ~ ".") }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}

    {%- set resolved = {} -%}
    {%- for w in wanted -%}
        {%- if w['column'] is none -%}
            {%- do resolved.update({w['key']: none}) -%}
        {%- else -%}
            {%- set name = actual.get(w['column'] | string | lower, w['column'] | string) -%}
            {%- do resolved.update({w['key']: corridor.quote_identifier(name)}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(resolved) }}
{% endmacro %}
