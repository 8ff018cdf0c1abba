{#
    corridor.hash32(expr): a well-mixed 32-bit non-negative integer from a
    string (the first 8 hex digits of its md5), identical on every engine.
#}

{% macro hash32(expr) %}
    {{ return(adapter.dispatch('hash32', 'corridor')(expr)) }}
{% endmacro %}

{% macro default__hash32(expr) -%}
    cast(cast(('x' || substr(md5(cast({{ expr }} as {{ dbt.type_string() }})), 1, 8)) as bit(32)) as bigint)
{%- endmacro %}

{#- DuckDB: the same 32 bits without writing the digest as hex. md5_number is the digest read as a little-endian
    128-bit integer, so its low 32 bits hold the digest's first 4 bytes in reverse order: swapped back, they are the
    first 8 hex digits' number (the cross-db test expected_hash32 holds them). DuckDB computes the repeated
    md5_number once; 40M ids: 3.0 s against 4.3 s for the hex form -#}
{% macro duckdb__hash32(expr) -%}
    {%- set low = 'cast(md5_number(cast(' ~ expr ~ ' as ' ~ dbt.type_string() ~ ')) & 4294967295 as bigint)' -%}
    {#- every operator parenthesized: DuckDB gives & | << >> one precedence, left to right -#}
    ((({{ low }} & 255) << 24) | ((({{ low }} >> 8) & 255) << 16)
        | ((({{ low }} >> 16) & 255) << 8) | (({{ low }} >> 24) & 255))
{%- endmacro %}

{% macro spark__hash32(expr) -%}
    cast(conv(substr(md5(cast({{ expr }} as string)), 1, 8), 16, 10) as bigint)
{%- endmacro %}
