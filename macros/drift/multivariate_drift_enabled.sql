{#-
    corridor.multivariate_drift_enabled(): whether corridor_multivariate_drift
    is built on this target: var corridor_multivariate_drift is on and the
    engine runs dbt Python models (DuckDB; PostgreSQL and Spark outside
    Databricks do not). The SQL models enable themselves with it in their
    config(); the Python model's YAML writes it out (YAML cannot call macros;
    python/tests/test_enabled_settings.py keeps the two in step). A drift rule of measure reconstruction_error
    on a target where this is false is a rule issue
    (multivariate_drift_unavailable), not a build failure.
-#}
{% macro multivariate_drift_enabled() %}
    {{ return(adapter.dispatch('multivariate_drift_enabled', 'corridor')()) }}
{% endmacro %}

{% macro default__multivariate_drift_enabled() %}
    {{ return(target.type == 'duckdb' and corridor.setting('corridor_multivariate_drift')) }}
{% endmacro %}
