{#
    corridor.fingerprint_sum(columns, condition=none): an aggregate over the
    rows of a group (those where `condition` holds; every row when none):
    the exact sum of a 64-bit hash of each row's `columns` (SQL
    expressions), as text, '0' over no row. It depends on which rows there
    are, not on their order; adding, removing or changing a row changes it
    (but for a hash collision, about 2^-64). A null hashes unlike any value.
    Compare it only with values computed on the same engine (each uses its
    own fast hash): the arrival state of int_corridor__event_id_index
    (corridor.event_index_snapshot).
#}
{% macro fingerprint_sum(columns, condition=none) %}
    {{ return(adapter.dispatch('fingerprint_sum', 'corridor')(columns, condition)) }}
{% endmacro %}

{#- PostgreSQL's hashtextextended of each row's columns, each as its length, a colon and its text (null: the
    word null), so no two rows share an encoding; hash_template (@@: the encoded row) lets Spark use its own hash -#}
{% macro default__fingerprint_sum(columns, condition=none, hash_template=none) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- set text = 'cast(' ~ column ~ ' as ' ~ dbt.type_string() ~ ')' -%}
        {%- do parts.append("coalesce(cast(length(" ~ text ~ ") as " ~ dbt.type_string() ~ ") || ':' || " ~ text ~ ", 'null')") -%}
    {%- endfor -%}
    {%- set hashed = (hash_template or 'hashtextextended(@@, 0)') | replace('@@', parts | join(" || '|' || ")) -%}
    cast(coalesce(sum({{ 'case when ' ~ condition ~ ' then ' ~ hashed ~ ' end' if condition is not none else hashed }}), 0)
        as {{ dbt.type_string() }})
{%- endmacro %}

{#- DuckDB hashes several values at once, nulls included, without building a string -#}
{% macro duckdb__fingerprint_sum(columns, condition=none) -%}
    {%- set hashed = 'cast(hash(' ~ (columns | join(', ')) ~ ') as hugeint)' -%}
    cast(coalesce(sum({{ 'case when ' ~ condition ~ ' then ' ~ hashed ~ ' end' if condition is not none else hashed }}), 0)
        as varchar)
{%- endmacro %}

{#- a 64-bit xxhash, summed as a decimal: a sum of bigints would overflow -#}
{% macro spark__fingerprint_sum(columns, condition=none) -%}
    {{ corridor.default__fingerprint_sum(columns, condition, 'cast(xxhash64(@@) as decimal(38, 0))') }}
{%- endmacro %}
