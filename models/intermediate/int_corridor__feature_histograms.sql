{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.feature_histograms_delete(
            ref('int_corridor__feature_reference_fingerprints'), corridor.feature_columns()
        ) }}",
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by window_start'},
    )
}}
{#-
    Production feature histograms: per model version x window x segment x
    feature, the events in each bin of the feature's reference bins
    (int_corridor__feature_reference_bins), at the grains of
    corridor.feature_drift_grains().

    bin_key: a numeric bin's index as text; a categorical feature's category
    as it arrived (mapped to the reference's bins downstream, where new
    categories are told apart); '(null)' for events without a value.
    value_sum (numeric bins): the sum of the values, for the bin's mean.
    n_out_of_range: values outside the reference's [min, max].

    Events are binned once, at the finest grain x every segment column, and
    rolled up with GROUPING SETS like every other event aggregation.

    Incremental (docs/incremental.md): a run recomputes the windows in the
    lookback (corridor.lookback_condition, as the other histograms) and,
    whole, every model version x feature left without rows by the pre-hook
    (corridor.feature_histograms_delete: a changed reference, a new feature
    or version). reference_fingerprint records the reference each row was
    binned with (int_corridor__feature_reference_fingerprints).
-#}
{%- set features = corridor.feature_columns() -%}
{%- set cells = corridor.window_cells(corridor.feature_drift_grains()) -%}
{%- set cell_columns = ['model_id', 'model_version'] + corridor.segment_column_names(cells.segments) + [cells.finest ~ '_start'] -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

{#- events (read once per feature) and feature_values (read twice) are inlined (corridor.inlined_cte): DuckDB
    would otherwise copy every event with every column first (100M events: 160 s materialized, 9 s inlined) #}
events as {{ corridor.inlined_cte() }} (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}

),

reference_bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),

reference_stats as (

    select * from {{ ref('int_corridor__feature_reference_stats') }}

),

fingerprints as (

    select * from {{ ref('int_corridor__feature_reference_fingerprints') }}

),
{{- corridor.unkept_feature_ctes('events', features, corridor.lookback_condition('event_at')) }}

feature_values as {{ corridor.inlined_cte() }} (

    {{ corridor.feature_value_rows('events', features, cells.segments, cells.finest, corridor.lookback_condition('event_at'), 'unkept') }}

),

numeric_values as (

    select * from feature_values
    where value is not null

),

edges as (

    select
        model_id,
        model_version,
        feature_name,
        bin_lower as edge

    from reference_bins
    where feature_type = 'numeric'
        and bin_index >= 1

),

binned as (

    {{ corridor.value_bins('numeric_values', 'edges', ['model_id', 'model_version', 'feature_name'], 'value', 'edge',
        cell_columns + ['feature_name', 'value']) }}

),

binned_in_range as (

    select
        binned.*,
        case
            when binned.value < reference_stats.reference_min or binned.value > reference_stats.reference_max then 1
            else 0
        end as is_out_of_range

    from binned
    left join reference_stats
        on binned.model_id = reference_stats.model_id
        and binned.model_version = reference_stats.model_version
        and binned.feature_name = reference_stats.feature_name

),

fine_bins as (

    select
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        feature_name,
        cast(bin_index as {{ dbt.type_string() }}) as bin_key,
        count(*) as n_values,
        sum(value) as value_sum,
        sum(is_out_of_range) as n_out_of_range

    from binned_in_range
    group by {{ corridor.fine_cell_keys(cells.segments, cells.finest) }}, feature_name, bin_index

    union all

    select
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        feature_name,
        coalesce(category, '(null)') as bin_key,
        count(*) as n_values,
        cast(null as {{ corridor.type_double() }}) as value_sum,
        0 as n_out_of_range

    from feature_values
    where value is null
    group by {{ corridor.fine_cell_keys(cells.segments, cells.finest) }}, feature_name, coalesce(category, '(null)')

),

fine_bins_with_windows as (

    select
        *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }}

    from fine_bins

),

{{ corridor.window_segment_rollup_ctes(
    'grouped', 'fine_bins_with_windows', cells, ['feature_name', 'bin_key'],
    [['n_values', 'sum'], ['value_sum', 'sum'], ['n_out_of_range', 'sum']]
) }},

final as (

    select
        grouped.model_id,
        grouped.model_version,
        grouped.window_grain,
        grouped.segment_dimension,
        grouped.segment_value,
        grouped.feature_name,
        grouped.bin_key,
        cast(grouped.n_values as {{ dbt.type_bigint() }}) as n_values,
        cast(grouped.value_sum as {{ corridor.type_double() }}) as value_sum,
        cast(grouped.n_out_of_range as {{ dbt.type_bigint() }}) as n_out_of_range,
        cast(coalesce(fingerprints.reference_fingerprint, 0) as {{ dbt.type_bigint() }}) as reference_fingerprint,
        grouped.window_start

    from grouped
    left join fingerprints
        on grouped.model_id = fingerprints.model_id
        and grouped.model_version = fingerprints.model_version
        and grouped.feature_name = fingerprints.feature_name

)

select * from final
