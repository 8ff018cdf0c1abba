{#-
    Importance weights of the backtest rows, per model version × grain ×
    window × segment (every value of every dimension of
    corridor_segment_columns, and all traffic): the joint feature cells
    (corridor.feature_cells, in the drift code's bins) of the segment's
    backtest rows (int_corridor__offline_feature_cells) against those of the
    segment's production in that window. One row per cell with production
    traffic in the window (corridor.importance_weight_terms):
    production_share p_c, offline_share q_c (0 where the segment's backtest
    has no rows in the cell), raw_weight p_c / q_c (null where q_c = 0:
    traffic the backtest does not cover), weight (capped at
    corridor_feature_weight_cap, 0 where uncovered); per window
    uncovered_share (events in cells without backtest rows / events) and
    effective_sample_size (Kish, over the backtest's rows). A backtest cell
    without production traffic in the window has weight 0 and gets no row:
    it adds nothing to any estimate. Covariate shift only
    (docs/offline-evaluation.md). Production is counted per fine cell and
    rolled up with GROUPING SETS. Empty unless the offline evaluation input,
    corridor_feature_columns and the reference features are configured.
-#}
{%- set features = corridor.feature_columns() -%}
{%- set cells = corridor.window_cells(corridor.setting('corridor_window_grains')) -%}
{%- set cap = corridor.setting('corridor_feature_weight_cap') -%}
{%- if not corridor.offline_feature_weights_enabled(features) %}

{{ corridor.empty_offline_feature_weights() }}
{%- else %}

-- sqlfluff:dialect:postgres
with

bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),

events as (

    select
        *,
        {{ corridor.window_start(cells.finest, 'event_at') }} as {{ cells.finest }}_start

    from {{ ref('int_corridor__events_enriched') }}

),

backtest_cells as (

    select
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        cell_key,
        offline_weight
    from {{ ref('int_corridor__offline_feature_cells') }}

),

event_cells as (

    {{ corridor.feature_cells(
        'events', 'bins', features,
        ['model_id', 'model_version'] + corridor.segment_column_names(cells.segments) + [cells.finest ~ '_start']
    ) }}

),

fine_counts as (

    select
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        cell_key,
        count(*) as production_events

    from event_cells
    group by {{ corridor.fine_cell_keys(cells.segments, cells.finest) }}, cell_key

),

fine_counts_with_windows as (

    select *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }} from fine_counts

),

{{ corridor.window_segment_rollup_ctes(
    'production_cells', 'fine_counts_with_windows', cells, ['cell_key'], [['production_events', 'sum']]
) }},

{# the segment's backtest cells, with window-independent totals and the segment's key (corridor.group_key) #}
{{ corridor.backtest_segment_cells_ctes('backtest_cells', ['model_id', 'model_version', 'segment_dimension', 'segment_value'], 'cell_key',
    'offline_weight') }},

{# the model versions with a backtest #}
versions as (

    select distinct
        model_id,
        model_version

    from backtest_cells

),

{# the windows (× segment) of the versions with a backtest, with their production events and the segment's backtest #}
windows as (

    select
        production_cells.model_id,
        production_cells.model_version,
        production_cells.window_grain,
        production_cells.window_start,
        production_cells.segment_dimension,
        production_cells.segment_value,
        segment_totals.segment_id,
        segment_totals.segment_offline_weight,
        sum(production_cells.production_events) as window_events,
        {{ corridor.group_key([
            'production_cells.model_id', 'production_cells.model_version', 'production_cells.window_grain',
            'production_cells.window_start', 'production_cells.segment_dimension', 'production_cells.segment_value'
        ]) }} as window_id

    from production_cells
    inner join versions
        on production_cells.model_id = versions.model_id
        and production_cells.model_version = versions.model_version
    left join segment_totals
        on {{ corridor.keys_equal(
            'production_cells', 'segment_totals', ['model_id', 'model_version', 'segment_dimension', 'segment_value']
        ) }}
    group by
        production_cells.model_id,
        production_cells.model_version,
        production_cells.window_grain,
        production_cells.window_start,
        production_cells.segment_dimension,
        production_cells.segment_value,
        segment_totals.segment_id,
        segment_totals.segment_offline_weight

),

{# every production cell of those windows, with the segment's backtest cell where there is one #}
production_rows as (

    select
        windows.window_id,
        production_cells.cell_key,
        production_cells.production_events,
        coalesce(segment_cells.offline_weight, 0) as offline_weight,
        windows.segment_offline_weight,
        windows.window_events

    from production_cells
    inner join windows
        on {{ corridor.keys_equal(
            'production_cells', 'windows',
            ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value']
        ) }}
    left join segment_cells
        on windows.segment_id = segment_cells.segment_id
        and production_cells.cell_key = segment_cells.cell_key

),

{# per window: production's share in cells without backtest rows, and Kish's effective sample size (cells
    without production traffic would have weight 0 and add to neither) #}
window_totals as (

    {{ corridor.importance_weight_window_totals('production_rows', 'window_id', 'production_events', 'window_events', 'offline_weight',
        'segment_offline_weight', cap) }}

),

weighted as (

    {{ corridor.importance_weight_terms('production_rows', 'production_events', 'window_events', 'offline_weight',
        'segment_offline_weight', cap) }}

),

final as (

    select
        windows.model_id,
        windows.model_version,
        windows.window_grain,
        windows.window_start,
        windows.segment_dimension,
        windows.segment_value,
        weighted.cell_key,
        cast(weighted.production_events as {{ dbt.type_bigint() }}) as production_events,
        cast(weighted.offline_weight as {{ corridor.type_double() }}) as offline_weight,
        cast(weighted.production_share as {{ corridor.type_double() }}) as production_share,
        cast(weighted.offline_share as {{ corridor.type_double() }}) as offline_share,
        cast(weighted.raw_weight as {{ corridor.type_double() }}) as raw_weight,
        cast(weighted.weight as {{ corridor.type_double() }}) as weight,
        cast(window_totals.uncovered_share as {{ corridor.type_double() }}) as uncovered_share,
        cast(window_totals.effective_sample_size as {{ corridor.type_double() }}) as effective_sample_size,
        coalesce(weighted.raw_weight > {{ cap }}, false) as is_capped

    from weighted
    inner join windows
        on weighted.window_id = windows.window_id
    inner join window_totals
        on weighted.window_id = window_totals.window_id

)

select * from final
{%- endif %}
