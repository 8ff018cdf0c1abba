{#- corridor.pseudonym_key_sql reads the test session's key where the engine holds it (DuckDB: the session variable
    set by corridor.duckdb_plugin; PostgreSQL: the setting corridor.pseudonym_key, from PGOPTIONS; Spark: the conf
    spark.corridor.pseudonym_key). The key is never written here (test_security looks for it in every file dbt
    writes): only its md5 and its length, against Python. The demo fallback is off in this project (the production
    events are not the demo seeds), so with and without it the expression reads the same key. An unset key gives
    null: a session without the key is test_security.py's (the staging view read without it). -#}
select
    1 as case_id,
    md5({{ corridor.pseudonym_key_sql(with_demo_fallback=false) }}) as key_md5,
    length({{ corridor.pseudonym_key_sql(with_demo_fallback=false) }}) as key_length,
    md5({{ corridor.pseudonym_key_sql() }}) as key_md5_with_fallback
