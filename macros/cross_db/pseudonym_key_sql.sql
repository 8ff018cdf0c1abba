{#-
    corridor.pseudonym_key_sql(with_demo_fallback=true): a SQL expression for
    the pseudonymization key as the engine holds it, never the key itself:
    - DuckDB: the session variable corridor_pseudonym_key, set from the
      environment variable CORRIDOR_PSEUDONYM_KEY by the dbt-duckdb plugin
      corridor.duckdb_plugin (declared in the profile);
    - PostgreSQL: the setting corridor.pseudonym_key (e.g. `alter role <dbt
      user> set corridor.pseudonym_key = '<secret>'`, or
      PGOPTIONS='-c corridor.pseudonym_key=<secret>');
    - Spark: the Spark conf spark.corridor.pseudonym_key through `${...}`
      substitution (a spark.* key, so spark-submit --conf, PYSPARK_SUBMIT_ARGS
      and cluster configs accept it) (documented limitation: Spark substitutes it into the
      statement text it logs).
    Null when unset. When the production events come from the demo seeds, a
    missing key falls back to the public demo key.
-#}
{% macro pseudonym_key_sql(with_demo_fallback=true) -%}
    {%- set expr = adapter.dispatch('pseudonym_key_sql', 'corridor')() -%}
    {%- if with_demo_fallback and corridor.is_demo_input('production_events') -%}
        {{ return("coalesce(" ~ expr ~ ", 'corridor-public-demo-key')") }}
    {%- endif -%}
    {{ return(expr) }}
{%- endmacro %}

{% macro default__pseudonym_key_sql() -%}
    {{ return("nullif(current_setting('corridor.pseudonym_key', true), '')") }}
{%- endmacro %}

{% macro duckdb__pseudonym_key_sql() -%}
    {{ return("getvariable('corridor_pseudonym_key')") }}
{%- endmacro %}

{% macro spark__pseudonym_key_sql() -%}
    {#- Spark substitutes an unset conf as '' (and leaves the text as is when substitution is off) -#}
    {{ return("nullif(nullif('${spark.corridor.pseudonym_key}', '${' || 'spark.corridor.pseudonym_key}'), '')") }}
{%- endmacro %}
