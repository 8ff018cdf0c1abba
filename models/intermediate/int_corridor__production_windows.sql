{#-
    The grid of windows production metrics are reported for: every model
    version × segment value seen × grain, and every window between the
    version's first and last event, including windows without a single event.
    Silence is never mistaken for health: an empty window becomes a row with
    request_count 0 and the other metrics null.
-#}
{%- set double = corridor.type_double() -%}

with

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}

),

grains as (

    {%- for grain in corridor.setting('corridor_window_grains') %}
    select '{{ grain }}' as window_grain, {{ corridor.grain_hours(grain) }} as grain_hours
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

spans as (

    select
        window_stats.model_id,
        window_stats.model_version,
        window_stats.window_grain,
        grains.grain_hours,
        min(window_stats.window_start) as first_window_start,
        cast({{ dbt.datediff('min(window_stats.window_start)', 'max(window_stats.window_start)', 'hour') }} / grains.grain_hours as {{ dbt.type_bigint() }}) as last_window_index

    from window_stats
    inner join grains
        on window_stats.window_grain = grains.window_grain
    where window_stats.segment_dimension = 'all'
    group by 1, 2, 3, 4

),

segments as (

    select distinct
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value

    from window_stats

),

window_indexes as (

    select n from {{ corridor.integer_series(0, '(select max(last_window_index) from spans)') }} as series

),

final as (

    select
        segments.model_id,
        segments.model_version,
        segments.window_grain,
        segments.segment_dimension,
        segments.segment_value,
        spans.grain_hours,
        {{ dbt.dateadd('hour', 'window_indexes.n * spans.grain_hours', 'spans.first_window_start') }} as window_start,
        {{ dbt.dateadd('hour', '(window_indexes.n + 1) * spans.grain_hours', 'spans.first_window_start') }} as window_end

    from segments
    inner join spans
        on segments.model_id = spans.model_id
        and segments.model_version = spans.model_version
        and segments.window_grain = spans.window_grain
    inner join window_indexes
        on spans.last_window_index >= window_indexes.n

)

select * from final
