{#-
    Percentile and BCa bootstrap intervals of every production metric × model
    version × segment × window (DuckDB: computed by the Python model
    int_corridor__bootstrap_intervals), with everything needed to reproduce a
    row: resamples, confidence level, method and seed. This SQL model carries
    the enforced contract (dbt rejects contracts on Python models).

    Incremental like corridor_metric_intervals: a daily run replaces the
    windows of the lookback (the Python model recomputes no group outside
    them unless settings changed, docs/incremental.md) and keeps the older
    rows.
-#}
{{ config(enabled=corridor.python_bootstrap_enabled()) }}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook=["{{ corridor.lookback_delete(corridor.window_lookback_column('window_start')) }}"],
    )
}}
{%- set lookback = corridor.lookback_condition(corridor.window_lookback_column('window_start')) -%}
{%- set text = corridor.type_contract_string() -%}
/* depends_on: {{ ref('int_corridor__events_enriched') }} (the lookback's stale versions) */

with

bootstrap as (

    select * from {{ ref('int_corridor__bootstrap_intervals') }}
    {{ corridor.where_clause(lookback) }}

),

windows as (

    select * from {{ ref('int_corridor__production_windows') }}
    {{ corridor.where_clause(lookback) }}

),

final as (

    select
        cast({{ dbt.hash(dbt.concat([
                'bootstrap.model_id', "'|'", 'bootstrap.model_version', "'|'", 'bootstrap.metric', "'|'",
                'bootstrap.segment_dimension', "'|'", 'bootstrap.segment_value', "'|'", 'bootstrap.window_grain', "'|'",
                dbt.cast('bootstrap.window_start', dbt.type_string()), "'|'", 'bootstrap.interval_method'
            ])) }} as {{ text }}) as bootstrap_interval_id,
        cast(bootstrap.model_id as {{ text }}) as model_id,
        cast(bootstrap.model_version as {{ text }}) as model_version,
        cast(bootstrap.metric as {{ text }}) as metric,
        cast(bootstrap.segment_dimension as {{ text }}) as segment_dimension,
        cast(bootstrap.segment_value as {{ text }}) as segment_value,
        cast(bootstrap.window_grain as {{ text }}) as window_grain,
        cast(bootstrap.interval_method as {{ text }}) as interval_method,
        cast(bootstrap.metric_value as {{ corridor.type_double() }}) as metric_value,
        cast(bootstrap.sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast(bootstrap.interval_lower as {{ corridor.type_double() }}) as interval_lower,
        cast(bootstrap.interval_upper as {{ corridor.type_double() }}) as interval_upper,
        cast(bootstrap.confidence_level as {{ corridor.type_double() }}) as confidence_level,
        cast(bootstrap.bootstrap_standard_error as {{ corridor.type_double() }}) as bootstrap_standard_error,
        cast(bootstrap.bias_correction as {{ corridor.type_double() }}) as bias_correction,
        cast(bootstrap.acceleration as {{ corridor.type_double() }}) as acceleration,
        cast(bootstrap.n_resamples as {{ dbt.type_bigint() }}) as n_resamples,
        cast(bootstrap.valid_resamples as {{ dbt.type_bigint() }}) as valid_resamples,
        cast(bootstrap.seed as {{ dbt.type_bigint() }}) as seed,
        cast(bootstrap.window_start as {{ dbt.type_timestamp() }}) as window_start,
        cast(windows.window_end as {{ dbt.type_timestamp() }}) as window_end

    from bootstrap
    inner join windows
        on {{ corridor.keys_equal('bootstrap', 'windows', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}

)

select * from final
where metric in ({{ corridor.sql_string_list(corridor.metric_catalogue().keys() | list | sort) }})
