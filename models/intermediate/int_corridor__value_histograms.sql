{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.lookback_delete() }}",
        meta={'spark_incremental_strategy': 'insert_overwrite, partitioned by window_start'},
    )
}}
{#-
    Per model version × window × segment, the distinct values of each family
    of per-event values and how many events carry each: the sufficient
    statistics of every interval that needs more than counts and sums
    (bootstrap replicates of means and quantiles, order statistics).

    families (value; events counted):
      latency        latency_ms; events with a latency
      error          1 if the event errored else 0; every event
      correct        1 if predicted class = label else 0; evaluable events
      precision_hit  the label; evaluable events predicted positive
      recall_hit     the predicted class; evaluable events labelled positive
      log_loss, brier  the per-event term; evaluable events (binary classifier)
      abs_error, squared_error  the per-event term; evaluable events (regression)
      score          the score bin, split by label (column label); evaluable
                     events, at the grains of corridor_histogram_metric_grains

    Empty while the Python bootstrap is off (var corridor_python_bootstrap,
    and on every engine but DuckDB): it is the only reader. The order
    statistics of latency (intervals of its quantiles, quantiles of rolling
    windows) come from int_corridor__latency_order_statistics, which never
    keeps every distinct latency of every group.

    Built for corridor.bootstrap_grains(). Counts are summed into fine cells
    (finest grain × every segment column) and rolled up with GROUPING SETS.
    Incremental with the lookback of int_corridor__production_window_stats
    (corridor.lookback_condition; docs/incremental.md): a run recomputes the
    windows starting on or after the lookback start (and a stale version's
    older windows) and keeps the others.
-#}
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set grains = corridor.bootstrap_grains() -%}
{%- set finest = corridor.finest_grain(grains) -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set double = corridor.type_double() -%}
{%- set lookback = corridor.lookback_condition('event_at') -%}
{%- set bigint = dbt.type_bigint() -%}
{%- set families = [
    ('latency', 'latency_ms', 'latency_ms is not null'),
    ('error', 'case when is_error then 1 else 0 end', '1 = 1'),
    ('correct', 'case when predicted_class = label then 1 else 0 end', 'is_evaluable'),
] -%}
{%- if model_type == 'binary_classifier' -%}
    {%- do families.extend([
        ('precision_hit', 'label', 'is_evaluable and predicted_class = 1'),
        ('recall_hit', 'predicted_class', 'is_evaluable and label = 1'),
        ('log_loss', 'log_loss_term', 'is_evaluable'),
        ('brier', 'brier_term', 'is_evaluable'),
    ]) -%}
{%- else -%}
    {%- set families = families[:2] -%}
    {%- do families.extend([
        ('abs_error', 'abs_error', 'is_evaluable'),
        ('squared_error', 'squared_error', 'is_evaluable'),
    ]) -%}
{%- endif -%}
{%- set python_bootstrap = target.type == 'duckdb' and corridor.setting('corridor_python_bootstrap') -%}
{%- if not python_bootstrap -%}
    {%- set families = families[:1] -%}
{%- endif -%}
{#- the families whose value is 0 or 1 (labels and predicted classes are, once staged) are counted per cell -#}
{%- set binary_names = ['error', 'correct', 'precision_hit', 'recall_hit'] -%}
{%- set continuous = [] -%}
{%- set binary = [] -%}
{%- for family in families -%}{%- do (binary if family[0] in binary_names else continuous).append(family) -%}{%- endfor -%}
{%- set histogram_grains = [] -%}
{%- for grain in corridor.setting('corridor_histogram_metric_grains')
    if grain in grains and python_bootstrap -%}{%- do histogram_grains.append(grain) -%}{%- endfor -%}
{%- set histogram_grain_list = (histogram_grains or ['none']) | join("', '") -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}
    {%- if not python_bootstrap %}
    where 1 = 0
    {%- elif lookback is not none %}
    where {{ lookback }}
    {%- endif %}

),

event_values as (

    {%- for family, value, condition in continuous %}
    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        '{{ family }}' as family,
        cast({{ value }} as {{ double }}) as value
    from events
    where {{ condition }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

fine_cells as (

    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        family,
        value,
        count(*) as n_events

    from event_values
    group by
        {{ corridor.fine_cell_keys(segments, finest) }},
        family,
        value
    {%- if binary %}

    union all

    {#- the 0/1 families: one counting pass over the events, a column per family and value #}
    select * from ({{ corridor.binary_value_counts('events', corridor.fine_cell_keys(segments, finest), binary) }}) as binary_cells
    {%- endif %}

),

fine_cells_with_windows as (

    select
        *{{ corridor.coarser_window_starts(grains, finest) }}

    from fine_cells

),

grouped as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        family,
        value,
        sum(n_events) as n_events

    from fine_cells_with_windows
    group by {{ corridor.window_segment_grouping_sets(grains, segments, ['family', 'value']) }}

),

{%- if python_bootstrap %}

score_histograms as (

    select * from {{ ref('int_corridor__score_histograms') }}
    {%- if lookback is not none %}
    where {{ corridor.lookback_condition('window_start') }}
    {%- endif %}

),

score_bins as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        score_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative

    from score_histograms
    where window_grain in ('{{ histogram_grain_list }}')
    group by model_id, model_version, window_grain, window_start, segment_dimension, segment_value, score_bin

),

labels as (

    select 0 as label
    union all
    select 1 as label

),
{%- endif %}

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        family,
        cast(value as {{ double }}) as value,
        cast(null as {{ dbt.type_int() }}) as label,
        cast(n_events as {{ bigint }}) as n_events,
        window_start

    from grouped
    {%- if python_bootstrap %}

    union all

    select
        score_bins.model_id,
        score_bins.model_version,
        score_bins.window_grain,
        score_bins.segment_dimension,
        score_bins.segment_value,
        'score' as family,
        cast(score_bins.score_bin as {{ double }}) as value,
        cast(labels.label as {{ dbt.type_int() }}) as label,
        cast(case when labels.label = 1 then score_bins.n_positive else score_bins.n_negative end as {{ bigint }}) as n_events,
        score_bins.window_start

    from score_bins
    cross join labels
    where case when labels.label = 1 then score_bins.n_positive else score_bins.n_negative end > 0
    {%- endif %}

)

select * from final
