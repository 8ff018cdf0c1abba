{#- corridor.window_start / window_end (UTC calendar): hour, day, ISO week (Monday), month; epoch seconds -#}
with cases as (
    select 1 as case_id, 'hour' as grain, cast('2026-03-04 10:37:12' as {{ dbt.type_timestamp() }}) as ts
),

windows as (
    select
        case_id,
        {{ corridor.epoch_seconds(corridor.window_start('hour', 'ts')) }} as hour_start,
        {{ corridor.epoch_seconds(corridor.window_start('day', 'ts')) }} as day_start,
        {{ corridor.epoch_seconds(corridor.window_start('week', 'ts')) }} as week_start,
        {{ corridor.epoch_seconds(corridor.window_start('month', 'ts')) }} as month_start
    from cases
)

select * from windows
