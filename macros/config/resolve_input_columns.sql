{#
    corridor.resolve_input_columns(input_name, relation, extra={}): check, when
    dbt executes, that the relation exists and has every mapped column, and
    return {corridor column: quoted column reference or none}. In an input
    written for corridor (detect_optional_columns), an unmapped optional
    column is found by its own name when the relation has it.

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
        {%- do wanted.append({'key': key, 'column': column, 'var': cfg['var'] ~ '.columns.' ~ key,
            'defaulted': key not in cfg.get('user_columns', [])}) -%}
    {%- endfor -%}
    {%- for key, column in extra.items() -%}
        {%- do wanted.append({'key': key, 'column': column, 'var': extra_var}) -%}
    {%- endfor -%}

    {%- set actual = {} -%}
    {%- if execute and flags.WHICH not in ['compile', 'docs', 'list', 'ls', 'parse'] -%}
        {%- set found = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
        {%- if found is none -%}
            {{ exceptions.raise_compiler_error("corridor: the " ~ input_name ~ " input configured in var '" ~ cfg['var'] ~ "' points at "
                ~ relation ~ ", which does not exist. Build or load it first, or change the var.") }}
        {%- endif -%}
        {%- for col in adapter.get_columns_in_relation(found) -%}
            {%- do actual.update({col.name | lower: col.name}) -%}
        {%- endfor -%}
        {%- for w in wanted -%}
            {%- if w['column'] is none and cfg.get('detect_optional_columns') and w.get('defaulted') and w['key'] in actual -%}
                {#- an input written for corridor: an unmapped optional column of corridor's own name is used when present -#}
                {%- do w.update({'column': actual[w['key']]}) -%}
            {%- endif -%}
            {%- if w['column'] is not none and (w['column'] | string | lower) not in actual and w.get('defaulted') -%}
                {{ exceptions.raise_compiler_error("corridor: the " ~ input_name ~ " input needs a " ~ w['key'] ~ " column, and "
                    ~ relation ~ " has none named '" ~ w['column'] ~ "' (the name corridor assumes when var '" ~ w['var'] ~ "' is not "
                    "set). Map yours: " ~ cfg['var'] ~ ": {columns: {" ~ w['key'] ~ ": <your column>}}. Its columns are: "
                    ~ (actual.values() | list | join(', ')) ~ ".") }}
            {%- elif w['column'] is not none and (w['column'] | string | lower) not in actual -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ w['var'] ~ "' maps '" ~ w['key'] ~ "' to column '" ~ w['column']
                    ~ "', but " ~ relation ~ " has no such column. Its columns are: " ~ (actual.values() | list | join(', ')) ~ ".") }}
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
