{#-
    corridor.typed_column_expressions(columns, keys, kind, missing=none): the
    SQL expression of each key of an input, as a staging model reads it, in
    the order of `keys` (a mapping key -> expression). `columns` is what
    corridor.resolve_input_columns returned (contract key -> quoted column,
    none when unmapped). `kind`: 'string' casts the column to text (a null of
    that type when unmapped); 'double' parses a number (corridor.try_cast) and
    'timestamp' a time (corridor.parse_timestamp), `missing` when unmapped.
-#}
{% macro typed_column_expressions(columns, keys, kind, missing=none) %}
    {{ return(adapter.dispatch('typed_column_expressions', 'corridor')(columns, keys, kind, missing)) }}
{% endmacro %}

{% macro default__typed_column_expressions(columns, keys, kind, missing) %}
    {%- set string = dbt.type_string() -%}
    {%- set double = corridor.type_double() -%}
    {%- set expressions = {} -%}
    {%- for key in keys -%}
        {%- if kind == 'string' -%}
            {%- do expressions.update({key: 'cast(' ~ (columns[key] or 'null') ~ ' as ' ~ string ~ ')'}) -%}
        {%- elif kind == 'double' -%}
            {%- do expressions.update({key: corridor.try_cast(columns[key], double) if columns[key] else missing}) -%}
        {%- elif kind == 'timestamp' -%}
            {%- do expressions.update({key: corridor.parse_timestamp(columns[key]) if columns[key] else missing}) -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("corridor.typed_column_expressions: kind must be 'string', 'double' or "
                "'timestamp'; got " ~ kind) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(expressions) }}
{% endmacro %}
