{#-
    Every interval corridor computes for a production metric, side by side
    for comparison: one row per model version × metric × segment × window ×
    interval method. Exact and resampling-free intervals (wilson,
    clopper_pearson, normal, order_statistic) and the SQL Poisson bootstrap
    (sql_poisson_bootstrap_percentile) on every engine; on DuckDB also the
    Python bootstrap (bootstrap_percentile, bootstrap_bca) of
    corridor_bootstrap_intervals while var corridor_python_bootstrap is on. The point value and sample size are the
    production metric's (corridor_metric_observations).

    Incremental like the interval models it reads (docs/incremental.md): a
    daily run replaces the windows of the lookback (corridor.lookback_condition
    over corridor.window_lookback_column, the same windows they recomputed in
    this invocation) and keeps the older rows, which are built from
    unchanged inputs.
-#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=["{{ corridor.lookback_delete(corridor.window_lookback_column('window_start')) }}"],
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by window_start'},
    )
}}
{%- set python_bootstrap = corridor.python_bootstrap_enabled() -%}
{%- set lookback = corridor.lookback_condition(corridor.window_lookback_column('window_start')) -%}
{%- set text = corridor.type_contract_string() -%}
/* depends_on: {{ ref('int_corridor__events_enriched') }} (the lookback's stale versions) */

with

production as (

    select * from {{ ref('int_corridor__production_metrics') }}
    {{ corridor.where_clause(lookback) }}

),

exact_intervals as (

    select * from {{ ref('int_corridor__exact_intervals') }}
    {{ corridor.where_clause(lookback) }}

),

sql_bootstrap as (

    select * from {{ ref('int_corridor__sql_bootstrap_intervals') }}
    {{ corridor.where_clause(lookback) }}

),

{%- if python_bootstrap %}

python_bootstrap as (

    select * from {{ ref('corridor_bootstrap_intervals') }}
    {{ corridor.where_clause(lookback) }}

),
{%- endif %}

intervals as (

    {%- set sources = ['exact_intervals', 'sql_bootstrap'] + (['python_bootstrap'] if python_bootstrap else []) %}
    {%- for source in sources %}

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        metric,
        interval_method,
        interval_lower,
        interval_upper,
        confidence_level,
        {%- if source == 'exact_intervals' %}
        cast(null as {{ dbt.type_bigint() }}) as n_resamples,
        cast(null as {{ dbt.type_bigint() }}) as seed,
        {%- else %}
        n_resamples,
        seed,
        {%- endif %}
        window_start
    from {{ source }}
    {%- if not loop.last %}

    union all
    {%- endif %}
    {%- endfor %}

),

final as (

    select
        cast({{ dbt.hash(dbt.concat([
                'intervals.model_id', "'|'", 'intervals.model_version', "'|'", 'intervals.metric', "'|'",
                'intervals.segment_dimension', "'|'", 'intervals.segment_value', "'|'", 'intervals.window_grain', "'|'",
                dbt.cast('intervals.window_start', dbt.type_string()), "'|'", 'intervals.interval_method'
            ])) }} as {{ text }}) as metric_interval_id,
        cast(intervals.model_id as {{ text }}) as model_id,
        cast(intervals.model_version as {{ text }}) as model_version,
        cast(intervals.metric as {{ text }}) as metric,
        cast(intervals.segment_dimension as {{ text }}) as segment_dimension,
        cast(intervals.segment_value as {{ text }}) as segment_value,
        cast(intervals.window_grain as {{ text }}) as window_grain,
        cast(intervals.interval_method as {{ text }}) as interval_method,
        cast(production.metric_value as {{ corridor.type_double() }}) as metric_value,
        cast(production.sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast(intervals.interval_lower as {{ corridor.type_double() }}) as interval_lower,
        cast(intervals.interval_upper as {{ corridor.type_double() }}) as interval_upper,
        cast(intervals.confidence_level as {{ corridor.type_double() }}) as confidence_level,
        cast(intervals.n_resamples as {{ dbt.type_bigint() }}) as n_resamples,
        cast(intervals.seed as {{ dbt.type_bigint() }}) as seed,
        cast(intervals.window_start as {{ dbt.type_timestamp() }}) as window_start,
        cast(production.window_end as {{ dbt.type_timestamp() }}) as window_end

    from intervals
    inner join production
        on {{ corridor.keys_equal('intervals', 'production', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value', 'metric'
        ]) }}

)

select * from final
