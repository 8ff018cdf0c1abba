{#-
    The grid of windows production metrics are reported for: every model
    version × segment value seen × grain, and every window between the
    version's first and last event, including windows without a single event.
    Silence is never mistaken for health: an empty window becomes a row with
    request_count 0 and the other metrics null. A silence longer than
    corridor_max_gap_days splits the grid (corridor.window_islands): its
    windows are not filled.
-#}
with

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}
    union all
    select * from {{ ref('int_corridor__rolling_window_stats') }}

),

grains as (

    {{ corridor.grain_lengths() }}

),

data_windows as (

    select
        model_id,
        model_version,
        window_grain,
        window_start

    from window_stats
    where segment_dimension = 'all'

),

spans as (

    {{ corridor.window_islands('data_windows', 'grains', ['model_id', 'model_version']) }}

),

version_windows as (

    {{ corridor.expand_windows('spans', ['model_id', 'model_version']) }}

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

final as (

    select
        segments.model_id,
        segments.model_version,
        segments.window_grain,
        segments.segment_dimension,
        segments.segment_value,
        version_windows.grain_hours,
        version_windows.window_start,
        version_windows.window_end

    from segments
    inner join version_windows
        on segments.model_id = version_windows.model_id
        and segments.model_version = version_windows.model_version
        and segments.window_grain = version_windows.window_grain

)

select * from final
