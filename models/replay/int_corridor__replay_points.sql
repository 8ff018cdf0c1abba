{#-
    The points in time the replay judges the history as of: every
    var corridor_replay_step_hours hours back from the UTC midnight at or
    after the end of the last judged window, over var
    corridor_replay_horizon_days days (never after the build's now, never
    before the first window ended), plus the build's own now
    (corridor.reference_time(): var corridor_as_of or the start of the run),
    flagged is_build_now: as of then the replay sees what this build sees.
-#}
{%- set step_hours = corridor.setting('corridor_replay_step_hours') -%}
{%- set steps = (corridor.setting('corridor_replay_horizon_days') * 24 / step_hours) | int -%}

with

results as (

    select * from {{ ref('corridor_validation_results') }}

),

bounds as (

    select
        min(window_end) as first_end,
        max(window_end) as last_end,
        {{ dbt.date_trunc('day', 'max(window_end)') }} as last_midnight

    from results

),

tops as (

    select
        first_end,
        case
            when last_end > last_midnight then {{ dbt.dateadd('day', 1, 'last_midnight') }}
            else last_midnight
        end as top

    from bounds

),

steps as (

    select n from {{ corridor.integer_series(0, steps) }} as series

),

grid as (

    select {{ dbt.dateadd('hour', '-1 * steps.n * ' ~ step_hours, 'tops.top') }} as as_of
    from tops
    cross join steps
    where {{ dbt.dateadd('hour', '-1 * steps.n * ' ~ step_hours, 'tops.top') }} >= tops.first_end

),

final as (

    select
        as_of,
        false as is_build_now

    from grid
    where as_of < {{ corridor.reference_time() }}

    union all

    select
        {{ corridor.reference_time() }} as as_of,
        true as is_build_now

)

select * from final
