{#-
    Per replay point (the build's now excluded) and model version with labels
    still arriving then: the start of the event cells the replay's as-of
    statistics sum (int_corridor__replay_label_stats,
    int_corridor__replay_score_histograms): the version's first hour whose
    labels were incomplete at that point (int_corridor__replay_label_arrivals)
    less the longest window (calendar grain of corridor_window_grains and
    corridor_histogram_metric_grains, or rolling window) and a day (time
    zones). Every window still missing labels then starts at or after it,
    so a point costs the cells of its incomplete windows, not the history.
-#}
{%- set grains = corridor.setting('corridor_window_grains') + corridor.setting('corridor_histogram_metric_grains') -%}
{%- set calendar = corridor.known_window_grains() | select('in', grains) | list -%}
{%- set longest = [{'hour': 1, 'day': 24, 'week': 168, 'month': 744}[calendar | last]] -%}
{%- for window in corridor.rolling_windows() %}{% do longest.append(24 * window['days']) %}{% endfor -%}
{%- set span_hours = 24 + longest | max %}

with

points as (

    select as_of from {{ ref('int_corridor__replay_points') }}
    where not is_build_now

),

label_arrivals as (

    select * from {{ ref('int_corridor__replay_label_arrivals') }}

),

final as (

    select
        points.as_of,
        label_arrivals.model_id,
        label_arrivals.model_version,
        {{ dbt.dateadd('hour', -span_hours, 'min(label_arrivals.event_hour)') }} as cells_from

    from points
    inner join label_arrivals
        on points.as_of < label_arrivals.labels_complete_at
        and points.as_of > label_arrivals.event_hour
    group by
        points.as_of,
        label_arrivals.model_id,
        label_arrivals.model_version

)

select * from final
