{#-
    corridor.keyed_hash(expr): a pseudonym of an identifier, a keyed hash
    sha256(k || ':' || value) (hex) with k = md5('corridor-pseudonym-v1:' || key),
    so raw entity / user identifiers never reach an output. Null stays null.

    The key never passes through Jinja: the SQL names an engine setting that
    holds it (corridor.pseudonym_key_sql()), and the derived key k is computed
    by the engine. So no file dbt writes (compiled SQL, logs,
    partial_parse.msgpack) holds the key or k. Before the first use in a
    model the key is checked (corridor.check_pseudonym_key()): present outside
    the demo, strong enough, not the public demo key.
-#}
{% macro keyed_hash(expr) -%}
    {%- do corridor.check_pseudonym_key() -%}
    {{ return(adapter.dispatch('keyed_hash', 'corridor')(expr)) }}
{%- endmacro %}

{% macro default__keyed_hash(expr) -%}
    case when {{ expr }} is not null then encode(sha256(convert_to(md5('corridor-pseudonym-v1:' || {{ corridor.pseudonym_key_sql() }})
        || ':' || cast({{ expr }} as {{ dbt.type_string() }}), 'UTF8')), 'hex') end
{%- endmacro %}

{% macro duckdb__keyed_hash(expr) -%}
    case when {{ expr }} is not null then sha256(md5('corridor-pseudonym-v1:' || {{ corridor.pseudonym_key_sql() }}) || ':' ||
        cast({{ expr }} as varchar)) end
{%- endmacro %}

{% macro spark__keyed_hash(expr) -%}
    case when {{ expr }} is not null then sha2(concat(md5(concat('corridor-pseudonym-v1:', {{ corridor.pseudonym_key_sql() }})), ':',
        cast({{ expr }} as string)), 256) end
{%- endmacro %}
