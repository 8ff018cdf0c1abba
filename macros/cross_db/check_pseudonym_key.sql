{#-
    corridor.check_pseudonym_key(): fail the node with an actionable message
    unless the pseudonymization key the engine holds is usable:
    - set, unless the production events come from the demo seeds (the public
      demo key then stands in);
    - at least 16 characters with at least 48 bits of character entropy
      (Shannon entropy of its character frequencies times its length: a long
      run of one character, or a short word, is refused);
    - not the public demo key.
    The query reads the key inside the engine and returns only these facts;
    the key never reaches Jinja, SQL text or logs. Runs only at execution.
-#}
{% macro check_pseudonym_key() -%}
    {%- if not execute or flags.WHICH in ['parse', 'list', 'ls', 'docs', 'compile', 'show'] -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set key = corridor.pseudonym_key_sql(with_demo_fallback=false) -%}
    {%- set query -%}
        with key_text as (
            select {{ key }} as k
        ),
        key_chars as (
            select {{ adapter.dispatch('key_characters', 'corridor')('k') }} as c from key_text where k is not null
        ),
        char_counts as (
            select count(*) as n from key_chars group by c
        )
        select
            (select count(*) from key_text where k is not null) as has_key,
            (select max(length(k)) from key_text) as key_length,
            (select count(*) from key_text where k = 'corridor-public-demo-key') as is_demo_key,
            (
                select coalesce(sum(-n * ln(cast(n as {{ corridor.type_double() }}) / t.total)), 0) / ln(2.0)
                from char_counts cross join (select sum(n) as total from char_counts) as t
            ) as entropy_bits
    {%- endset -%}
    {%- set row = run_query(query).rows[0] -%}
    {%- set where = adapter.dispatch('pseudonym_key_hint', 'corridor')() -%}
    {%- if (row[0] | int) == 0 -%}
        {%- if corridor.is_demo_input('production_events') -%}
            {{ return(none) }}
        {%- endif -%}
        {{ exceptions.raise_compiler_error("corridor: no pseudonymization key. corridor hashes the entity ids of var "
            "'corridor_production_events' (columns.entity_id) with a secret key and your production events are not the demo seeds, so the "
            "public demo key is not used. " ~ where ~ " Keep it constant (pseudonyms change with it), or map entity_id: null.") }}
    {%- endif -%}
    {%- if (row[2] | int) > 0 -%}
        {{ exceptions.raise_compiler_error("corridor: the pseudonymization key is the public demo key 'corridor-public-demo-key'; anyone "
            "can reverse pseudonyms made with it. Use a long random secret, e.g. `openssl rand -hex 32`. " ~ where) }}
    {%- endif -%}
    {%- if (row[1] | int) < 16 or (row[3] | float) < 48 -%}
        {{ exceptions.raise_compiler_error("corridor: the pseudonymization key is weak (" ~ (row[1] | int) ~ " characters, about "
            ~ ((row[3] | float) | round(0) | int) ~ " bits of character entropy; corridor needs at least 16 characters and 48 bits). Use a "
            "long random secret, e.g. `openssl rand -hex 32`. " ~ where) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__pseudonym_key_hint() -%}
    {{ return("Give it to PostgreSQL as the setting corridor.pseudonym_key of the role dbt connects as (alter role <dbt user> set "
        "corridor.pseudonym_key = '<a long random secret>'), or for one session with PGOPTIONS='-c corridor.pseudonym_key=<secret>'.") }}
{%- endmacro %}

{% macro duckdb__pseudonym_key_hint() -%}
    {%- set loaded = run_query("select getvariable('corridor_pseudonym_plugin')").rows[0][0] -%}
    {%- set plugin = "" if loaded else " and add the plugin to the DuckDB output of your dbt profile (plugins: [{module: "
        "corridor.duckdb_plugin}]; it is not loaded now), which hands the key to DuckDB without dbt seeing it" -%}
    {{ return("Set the environment variable CORRIDOR_PSEUDONYM_KEY (e.g. export CORRIDOR_PSEUDONYM_KEY=$(openssl rand -hex 32))" ~ plugin
        ~ ".") }}
{%- endmacro %}

{% macro spark__pseudonym_key_hint() -%}
    {{ return("Set the Spark conf spark.corridor.pseudonym_key (e.g. spark-submit --conf spark.corridor.pseudonym_key=<secret>, "
        "PYSPARK_SUBMIT_ARGS for a local session, or the Spark config of the cluster).") }}
{%- endmacro %}

{% macro default__key_characters(column) -%}
    regexp_split_to_table({{ column }}, '')
{%- endmacro %}

{% macro duckdb__key_characters(column) -%}
    unnest(string_split({{ column }}, ''))
{%- endmacro %}

{% macro spark__key_characters(column) -%}
    explode(split({{ column }}, ''))
{%- endmacro %}
