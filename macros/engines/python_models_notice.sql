{#
    corridor.python_models_notice(): an on-run-start hook that says, on an engine other than DuckDB, which of
    corridor's Python models the vars ask for and this build leaves out, and what serves instead. dbt runs
    Python models in-process on DuckDB only (dbt-spark submits them to Databricks; PostgreSQL has none), so
    those models are disabled there (`enabled: target.type == 'duckdb' ...`), and a disabled model is silent:
    without this line a user on Spark with corridor_multivariate_drift left on would never learn why the table
    is missing. Returns no SQL.
#}
{% macro python_models_notice() %}
    {%- if not execute or target.type == 'duckdb' -%}
        {{ return('') }}
    {%- endif -%}
    {%- set skipped = [] -%}
    {%- if corridor.setting('corridor_multivariate_drift') -%}
        {%- do skipped.append('corridor_multivariate_drift (var corridor_multivariate_drift; the univariate corridor_feature_drift '
            'serves)') -%}
    {%- endif -%}
    {%- if corridor.setting('corridor_python_bootstrap') -%}
        {%- do skipped.append('corridor_bootstrap_intervals (var corridor_python_bootstrap; the exact, SQL-bootstrap and Bayesian '
            'intervals in corridor_metric_intervals serve)') -%}
    {%- endif -%}
    {#- the label-free estimate is not among them: off DuckDB its SQL path builds (corridor.label_free_method) -#}
    {%- if skipped | length > 0 -%}
        {{ log("corridor: not built on " ~ target.type ~ " (Python models run on DuckDB only; docs/engines.md): "
            ~ (skipped | join('; ')) ~ ". Set those vars to false/null on this target to silence this line.", info=true) }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}
