{#
    Generic test corridor.expected_columns: the relation has every expected
    column, with the expected data type when one is given. Returns one row
    per missing or mistyped column.

      data_tests:
        - corridor.expected_columns:
            arguments:
              columns: {request_uuid: varchar, requested_at: timestamp, response_ms: null}

    Types are compared case-insensitively after mapping each engine's
    spellings to one name (varchar = character varying = text = string,
    double = double precision = float8, timestamp = timestamp without time
    zone, integer = int4, bigint = int8, boolean = bool) and ignoring a
    length or precision, so `varchar` accepts `character varying(36)`;
    give null to require only that the column exists.
#}
{% test expected_columns(model, columns) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_expected_columns', 'corridor')(model, columns)) }}
{% endtest %}

{#- Deprecated alias, kept for projects written against 0.1.0: its node names come out doubled
    (corridor_corridor_expected_columns_...). Use corridor.expected_columns. -#}
{% test corridor_expected_columns(model, columns) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_expected_columns', 'corridor')(model, columns)) }}
{% endtest %}

{% macro default__test_corridor_expected_columns(model, columns) %}
    {%- if columns is not mapping or columns | length == 0 -%}
        {{ exceptions.raise_compiler_error("corridor_expected_columns: argument 'columns' must be a non-empty mapping {column: type or "
            "null}; got " ~ columns) }}
    {%- endif -%}
    {%- set problems = [] -%}
    {%- if execute -%}
        {%- set actual = {} -%}
        {%- for col in adapter.get_columns_in_relation(model) -%}
            {%- do actual.update({col.name | lower: col.dtype | lower}) -%}
        {%- endfor -%}
        {%- for name, expected in columns.items() -%}
            {%- set key = name | string | lower -%}
            {%- if key not in actual -%}
                {%- do problems.append((name, expected, none, 'missing')) -%}
            {%- elif expected is not none and corridor._canonical_type(actual[key]) != corridor._canonical_type(expected) -%}
                {%- do problems.append((name, expected, actual[key], 'type_mismatch')) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {%- if problems | length == 0 %}
    select
        cast(null as {{ dbt.type_string() }}) as column_name,
        cast(null as {{ dbt.type_string() }}) as problem
    where 1 = 0
    {%- else %}
    {%- for name, expected, actual_type, problem in problems %}
    select
        cast({{ corridor.sql_string(name) }} as {{ dbt.type_string() }}) as column_name,
        cast({{ corridor.sql_string(problem) }} as {{ dbt.type_string() }}) as problem,
        cast({{ corridor.sql_string(expected) }} as {{ dbt.type_string() }}) as expected_type,
        cast({{ corridor.sql_string(actual_type) }} as {{ dbt.type_string() }}) as actual_type
    {{ 'union all' if not loop.last }}
    {%- endfor %}
    {%- endif %}
{% endmacro %}


{#- One spelling per type across engines, without length or precision. -#}
{% macro _canonical_type(data_type) %}
    {%- set t = (data_type | string | lower).split('(')[0] | trim -%}
    {%- set aliases = {
        'character varying': 'varchar', 'text': 'varchar', 'string': 'varchar', 'char': 'varchar', 'character': 'varchar',
            'bpchar': 'varchar',
        'double precision': 'double', 'float8': 'double', 'float': 'double', 'real': 'float4', 'float4': 'float4',
        'timestamp without time zone': 'timestamp', 'datetime': 'timestamp',
        'timestamp with time zone': 'timestamptz', 'timestamp_tz': 'timestamptz',
        'int': 'integer', 'int4': 'integer', 'int8': 'bigint', 'long': 'bigint', 'int2': 'smallint', 'bool': 'boolean',
        'numeric': 'decimal',
    } -%}
    {{ return(aliases.get(t, t)) }}
{% endmacro %}
