{#
    corridor.duckdb_udfs_enabled()
        Whether the beta macros (corridor.beta_cdf_query,
        corridor.beta_quantile_query) and the binomial ranks
        (corridor.order_statistic_ranks_query) call the scipy functions
        corridor_beta_cdf / corridor_beta_quantile / corridor_binomial_cdf /
        corridor_binomial_quantile that corridor's dbt-duckdb plugin
        (corridor.duckdb_plugin) registers, instead of the SQL kernel.
        Decided at compile time from setting corridor_duckdb_udfs:
        - off: never (the SQL kernel, as on PostgreSQL and Spark);
        - auto (default): when all four functions are in duckdb_functions()
          of dbt's connection, i.e. the plugin (of this version) is loaded;
        - on: always; a build without the plugin fails here, saying what to
          add to the profile.
        False on engines other than DuckDB and while dbt parses (no
        connection: the SQL is only compiled for real at execution).
#}
{% macro duckdb_udfs_enabled() -%}
    {{ return(adapter.dispatch('duckdb_udfs_enabled', 'corridor')()) }}
{%- endmacro %}

{% macro default__duckdb_udfs_enabled() -%}
    {%- set mode = corridor.setting('corridor_duckdb_udfs') -%}
    {{ return(false) }}
{%- endmacro %}

{% macro duckdb__duckdb_udfs_enabled() -%}
    {%- set mode = corridor.setting('corridor_duckdb_udfs') -%}
    {%- if mode == 'off' or not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- set found = run_query(
        "select count(distinct function_name) from duckdb_functions()"
        ~ " where function_name in ('corridor_beta_cdf', 'corridor_beta_quantile', 'corridor_binomial_cdf',"
        ~ " 'corridor_binomial_quantile')"
    ).rows[0][0] | int -%}
    {%- if found == 4 -%}
        {{ return(true) }}
    {%- endif -%}
    {%- if mode == 'on' -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_duckdb_udfs' is 'on' but the functions corridor_beta_cdf, "
            "corridor_beta_quantile, corridor_binomial_cdf and corridor_binomial_quantile are not all registered: "
            "add corridor's plugin to the DuckDB output of your dbt profile (plugins: [{module: "
            "corridor.duckdb_plugin}], it needs scipy and pyarrow), or set corridor_duckdb_udfs to 'auto' or 'off' to use the SQL "
            "kernel.") }}
    {%- endif -%}
    {{ return(false) }}
{%- endmacro %}
