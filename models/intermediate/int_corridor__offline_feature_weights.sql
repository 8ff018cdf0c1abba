{#-
    Importance weights of the backtest rows, per model version × grain ×
    window: the backtest's joint feature cells (corridor.feature_cells, in
    the drift code's bins) against production's in that window. One row per
    cell of the window's production or of the backtest:
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
    Production events are counted per cell at the finest grain and rolled up.
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
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start'] %}
{%- if not enabled %}

select
    {%- for key in keys[:3] %}
    cast(null as {{ string }}) as {{ key }},
    {%- endfor %}
    cast(null as {{ dbt.type_timestamp() }}) as window_start,
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

backtest_rows as (

    select * from {{ ref('int_corridor__offline_evaluation_checked') }}
    where is_accepted

),

event_cells as (

    {{ corridor.feature_cells('events', 'bins', features, ['model_id', 'model_version', finest ~ '_start']) }}

),

fine_counts as (

    select
        model_id,
        model_version,
        cell_key,
        {{ finest }}_start,
        count(*) as production_events

    from event_cells
    group by model_id, model_version, cell_key, {{ finest }}_start

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
        {{ corridor.window_segment_keys(grains, []) }},
        cell_key,
        sum(production_events) as production_events

    from fine_counts_with_windows
    group by {{ corridor.window_segment_grouping_sets(grains, [], ['cell_key']) }}

),

backtest_cells_by_row as (

    {{ corridor.feature_cells('backtest_rows', 'bins', features, ['model_id', 'model_version', 'weight']) }}

),

backtest_cells as (

    select
        model_id,
        model_version,
        cell_key,
        sum(weight) as offline_weight

    from backtest_cells_by_row
    group by model_id, model_version, cell_key

),

production_windows as (

    select distinct
        {{ keys | join(',\n        ') }}

    from production_cells

),

cells as (

    {#- every cell of the version's backtest in every window, with the window's production events in it #}
    select
        production_windows.model_id,
        production_windows.model_version,
        production_windows.window_grain,
        production_windows.window_start,
        backtest_cells.cell_key,
        coalesce(production_cells.production_events, 0) as production_events,
        backtest_cells.offline_weight

    from production_windows
    inner join backtest_cells
        on production_windows.model_id = backtest_cells.model_id
        and production_windows.model_version = backtest_cells.model_version
    left join production_cells
        on {{ corridor.keys_equal('production_windows', 'production_cells', keys) }}
        and backtest_cells.cell_key = production_cells.cell_key

    union all

    {#- production traffic in cells the backtest does not cover (versions with a backtest only) #}
    select
        production_cells.model_id,
        production_cells.model_version,
        production_cells.window_grain,
        production_cells.window_start,
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
