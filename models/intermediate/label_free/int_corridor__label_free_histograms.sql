{#-
    The inputs of the label-free performance estimate (corridor.label_free,
    int_corridor__label_free_estimates): per model version × window ×
    segment, every scored, error-free event counted by score bin
    (round(score × corridor_score_bins)) and predicted class, labelled or
    not — the estimate is for the windows whose labels have not arrived.
    Built for the grains in corridor_histogram_metric_grains (the grains of
    the realized AUC it is validated against), and for the rolling windows
    of corridor_rolling_windows when day is one of them: a rolling window's
    counts are the sums of its days' cells (corridor.rolling_day_cells),
    the same histogram its events would give. Only while
    corridor_label_free_reference is set (binary classifiers).
-#}
{{ config(enabled=corridor.label_free_enabled()) }}
{%- set cells = corridor.window_cells(corridor.setting('corridor_histogram_metric_grains')) -%}
{%- set cell_keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'score_bin', 'predicted_class'] -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}

),

scored as (

    select * from events
    where predicted_score is not null
        and not is_error
    {%- if corridor.setting('corridor_model_type') != 'binary_classifier' %}
        and 1 = 0
    {%- endif %}

),

fine_cells as (

    select
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        score_bin,
        predicted_class,
        count(*) as n_events

    from scored
    group by
        {{ corridor.fine_cell_keys(cells.segments, cells.finest) }},
        score_bin,
        predicted_class

),

fine_cells_with_windows as (

    select
        *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }}

    from fine_cells

),

{{ corridor.window_segment_rollup_ctes('grouped', 'fine_cells_with_windows', cells, ['score_bin', 'predicted_class']) }},

{# rolling windows (var corridor_rolling_windows): each day cell counted in every rolling window holding its day #}
rolling_cells as (

    {{ corridor.rolling_day_cells('grouped', cell_keys + ['n_events']) }}

),

rolling as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        score_bin,
        predicted_class,
        sum(n_events) as n_events,
        window_start

    from rolling_cells
    group by
        {{ cell_keys | join(', ') }},
        window_grain,
        window_start

),

all_windows as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        score_bin,
        predicted_class,
        n_events,
        window_start

    from grouped

    union all

    select * from rolling

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        cast(score_bin as {{ dbt.type_int() }}) as score_bin,
        cast(predicted_class as {{ dbt.type_int() }}) as predicted_class,
        cast(n_events as {{ dbt.type_bigint() }}) as n_events,
        window_start

    from all_windows

)

select * from final
