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
-#}
{%- set features = corridor.feature_columns() -%}
{%- set grains = corridor.feature_drift_grains() -%}
{%- set finest = corridor.finest_grain(grains) -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set bigint = dbt.type_bigint() -%}
{%- set cell_columns = ['model_id', 'model_version'] -%}
{%- for s in segments -%}{%- do cell_columns.append('segment_' ~ s['dimension']) -%}{%- endfor -%}
{%- do cell_columns.append(finest ~ '_start') -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}

),

reference_bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),

reference_stats as (

    select * from {{ ref('int_corridor__feature_reference_stats') }}

),

feature_values as (

    {%- for f in features %}
    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        cast('{{ f['feature'] }}' as {{ string }}) as feature_name,
        {%- if f['type'] == 'numeric' %}
        feature_{{ f['feature'] }} as value,
        cast(null as {{ string }}) as category
        {%- else %}
        cast(null as {{ double }}) as value,
        feature_{{ f['feature'] }} as category
        {%- endif %}
    from events
    {{ 'union all' if not loop.last }}
    {%- else %}
    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        cast(null as {{ string }}) as feature_name,
        cast(null as {{ double }}) as value,
        cast(null as {{ string }}) as category
    from events
    where 1 = 0
    {%- endfor %}

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

    {{ corridor.value_bins('numeric_values', 'edges', ['model_id', 'model_version', 'feature_name'], 'value', 'edge', cell_columns + ['feature_name', 'value']) }}

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
        {{ corridor.fine_cell_keys(segments, finest) }},
        feature_name,
        cast(bin_index as {{ string }}) as bin_key,
        count(*) as n_values,
        sum(value) as value_sum,
        sum(is_out_of_range) as n_out_of_range

    from binned_in_range
    group by {{ corridor.fine_cell_keys(segments, finest) }}, feature_name, bin_index

    union all

    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        feature_name,
        coalesce(category, '(null)') as bin_key,
        count(*) as n_values,
        cast(null as {{ double }}) as value_sum,
        0 as n_out_of_range

    from feature_values
    where value is null
    group by {{ corridor.fine_cell_keys(segments, finest) }}, feature_name, coalesce(category, '(null)')

),

fine_bins_with_windows as (

    select
        *{{ corridor.coarser_window_starts(grains, finest) }}

    from fine_bins

),

grouped as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        feature_name,
        bin_key,
        sum(n_values) as n_values,
        sum(value_sum) as value_sum,
        sum(n_out_of_range) as n_out_of_range

    from fine_bins_with_windows
    group by {{ corridor.window_segment_grouping_sets(grains, segments, ['feature_name', 'bin_key']) }}

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        feature_name,
        bin_key,
        cast(n_values as {{ bigint }}) as n_values,
        cast(value_sum as {{ double }}) as value_sum,
        cast(n_out_of_range as {{ bigint }}) as n_out_of_range,
        window_start

    from grouped

)

select * from final
