{#-
    corridor.keyed_hash(expr): a pseudonym of an identifier, a keyed hash
    (sha256 over key || ':' || value, hex) so raw entity / user identifiers
    never reach an output. The key comes from the environment variable
    CORRIDOR_PSEUDONYM_KEY (see corridor.pseudonym_key()). Null stays null.
-#}
{% macro keyed_hash(expr) -%}
    {{ return(adapter.dispatch('keyed_hash', 'corridor')(expr)) }}
{%- endmacro %}

{% macro default__keyed_hash(expr) -%}
    case when {{ expr }} is not null then encode(sha256(convert_to({{ corridor.sql_string(corridor.pseudonym_key()) }} || ':' || cast({{ expr }} as {{ dbt.type_string() }}), 'UTF8')), 'hex') end
{%- endmacro %}

{% macro duckdb__keyed_hash(expr) -%}
    case when {{ expr }} is not null then sha256({{ corridor.sql_string(corridor.pseudonym_key()) }} || ':' || cast({{ expr }} as varchar)) end
{%- endmacro %}

{% macro spark__keyed_hash(expr) -%}
    case when {{ expr }} is not null then sha2(concat({{ corridor.sql_string(corridor.pseudonym_key()) }}, ':', cast({{ expr }} as string)), 256) end
{%- endmacro %}


{#-
    corridor.pseudonym_key(): the key of corridor.keyed_hash, derived from the
    environment variable CORRIDOR_PSEUDONYM_KEY (the SQL only ever holds a
    digest of it, never the secret itself). In the demo (var
    corridor_load_demo_seeds true) a fixed, public demo key is used when the
    variable is unset; anywhere else a build without a key fails.
-#}
{% macro pseudonym_key() -%}
    {%- set secret = env_var('CORRIDOR_PSEUDONYM_KEY', '') -%}
    {%- if secret == '' -%}
        {%- if corridor.demo_mode() -%}
            {%- set secret = 'corridor-public-demo-key' -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("corridor: the environment variable CORRIDOR_PSEUDONYM_KEY is not set. corridor pseudonymizes entity identifiers (column mapped as entity_id in var 'corridor_production_events') with a keyed hash and needs a secret key outside the demo: export CORRIDOR_PSEUDONYM_KEY=<a long random secret> (keep it constant, or pseudonyms change), or map entity_id: null.") }}
        {%- endif -%}
    {%- endif -%}
    {{ return(local_md5('corridor-pseudonym-v1:' ~ secret)) }}
{%- endmacro %}
