{#-
    Importance weights of the backtest rows, per model version × grain ×
    window × segment (every value of every dimension of
    corridor_segment_columns, and all traffic): the joint feature cells
    (corridor.feature_cells, in the drift code's bins) of the segment's
    backtest rows (int_corridor__offline_feature_cells) against those of the
    segment's production in that window. One row per cell of the window's
    production or of the backtest:
      production_share  p_c = production events in c / events with a cell;
      offline_share     q_c = backtest weight in c / backtest weight;
      raw_weight        p_c / q_c (null where q_c = 0: production traffic
                        the backtest does not cover);
      weight            min(raw_weight, corridor_feature_weight_cap), 0 where
                        production has no traffic;
    and per window: uncovered_share (production share in cells without
    backtest rows) and effective_sample_size (Kish: (sum w)^2 / sum w^2 over
    the backtest's rows). Covariate shift only: P(label | features) is
    assumed the same offline and in production (docs/offline-evaluation.md).
    Production events are counted per cell at the finest grain × every
    segment column and rolled up with GROUPING SETS.
    Empty unless the offline evaluation input, corridor_feature_columns and
    the reference features (the drift bins) are all configured.
-#}
{%- set features = corridor.feature_columns() -%}
{%- set grains = corridor.setting('corridor_window_grains') -%}
{%- set finest = corridor.finest_grain(grains) -%}
{%- set cap = corridor.setting('corridor_feature_weight_cap') -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set enabled = features | length > 0 and corridor.input_config('offline_evaluation')['enabled'] and corridor.input_config('reference_features')['enabled'] -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}
{%- set event_columns = ['model_id', 'model_version'] -%}
{%- for s in segments -%}
    {%- do event_columns.append('segment_' ~ s['dimension']) -%}
{%- endfor -%}
{%- do event_columns.append(finest ~ '_start') %}
{%- if not enabled %}

select
    {%- for key in keys[:3] %}
    cast(null as {{ string }}) as {{ key }},
    {%- endfor %}
    cast(null as {{ dbt.type_timestamp() }}) as window_start,
    cast(null as {{ string }}) as segment_dimension,
    cast(null as {{ string }}) as segment_value,
    cast(null as {{ string }}) as cell_key,
    cast(null as {{ dbt.type_bigint() }}) as production_events,
    {%- for column in ['offline_weight', 'production_share', 'offline_share', 'raw_weight', 'weight', 'uncovered_share', 'effective_sample_size'] %}
    cast(null as {{ double }}) as {{ column }},
    {%- endfor %}
    false as is_capped
where 1 = 0
{%- else %}

-- sqlfluff:dialect:postgres
with

bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),

events as (

    select
        *,
        {{ corridor.window_start(finest, 'event_at') }} as {{ finest }}_start

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

    {{ corridor.feature_cells('events', 'bins', features, event_columns) }}

),

fine_counts as (

    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        cell_key,
        count(*) as production_events

    from event_cells
    group by
        {{ corridor.fine_cell_keys(segments, finest) }},
        cell_key

),

fine_counts_with_windows as (

    select
        *{{ corridor.coarser_window_starts(grains, finest) }}

    from fine_counts

),

production_cells as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        cell_key,
        sum(production_events) as production_events

    from fine_counts_with_windows
    group by {{ corridor.window_segment_grouping_sets(grains, segments, ['cell_key']) }}

),

production_windows as (

    select distinct
        {{ keys | join(',\n        ') }}

    from production_cells

),

cells as (

    {#- every cell of the segment's backtest in every window, with the window's production events in it #}
    select
        production_windows.model_id,
        production_windows.model_version,
        production_windows.window_grain,
        production_windows.window_start,
        production_windows.segment_dimension,
        production_windows.segment_value,
        backtest_cells.cell_key,
        coalesce(production_cells.production_events, 0) as production_events,
        backtest_cells.offline_weight

    from production_windows
    inner join backtest_cells
        on production_windows.model_id = backtest_cells.model_id
        and production_windows.model_version = backtest_cells.model_version
        and production_windows.segment_dimension = backtest_cells.segment_dimension
        and production_windows.segment_value = backtest_cells.segment_value
    left join production_cells
        on {{ corridor.keys_equal('production_windows', 'production_cells', keys) }}
        and backtest_cells.cell_key = production_cells.cell_key

    union all

    {#- production traffic in cells the segment's backtest does not cover (versions with a backtest only) #}
    select
        production_cells.model_id,
        production_cells.model_version,
        production_cells.window_grain,
        production_cells.window_start,
        production_cells.segment_dimension,
        production_cells.segment_value,
        production_cells.cell_key,
        production_cells.production_events,
        0 as offline_weight

    from production_cells
    inner join (
        select model_id, model_version from backtest_cells
        group by model_id, model_version
    ) as versions
        on production_cells.model_id = versions.model_id
        and production_cells.model_version = versions.model_version
    left join backtest_cells
        on production_cells.model_id = backtest_cells.model_id
        and production_cells.model_version = backtest_cells.model_version
        and production_cells.segment_dimension = backtest_cells.segment_dimension
        and production_cells.segment_value = backtest_cells.segment_value
        and production_cells.cell_key = backtest_cells.cell_key
    where backtest_cells.cell_key is null

),

shares as (

    select
        *,
        cast(production_events as {{ double }}) / nullif(sum(production_events) over (partition by {{ keys | join(', ') }}), 0) as production_share,
        offline_weight / nullif(sum(offline_weight) over (partition by {{ keys | join(', ') }}), 0) as offline_share

    from cells

),

weighted as (

    select
        *,
        production_share / nullif(offline_share, 0) as raw_weight,
        least(coalesce(production_share / nullif(offline_share, 0), 0), {{ cap }}) as weight

    from shares

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        cell_key,
        cast(production_events as {{ dbt.type_bigint() }}) as production_events,
        cast(offline_weight as {{ double }}) as offline_weight,
        cast(production_share as {{ double }}) as production_share,
        cast(offline_share as {{ double }}) as offline_share,
        cast(raw_weight as {{ double }}) as raw_weight,
        cast(weight as {{ double }}) as weight,
        cast(sum(case when offline_weight = 0 then production_share else 0 end) over (partition by {{ keys | join(', ') }}) as {{ double }}) as uncovered_share,
        cast(
            sum(weight * offline_weight) over (partition by {{ keys | join(', ') }})
            * sum(weight * offline_weight) over (partition by {{ keys | join(', ') }})
            / nullif(sum(weight * weight * offline_weight) over (partition by {{ keys | join(', ') }}), 0)
            as {{ double }}
        ) as effective_sample_size,
        coalesce(raw_weight > {{ cap }}, false) as is_capped

    from weighted

)

select * from final
{%- endif %}
