{#- corridor.window_start / window_end (UTC calendar): hour, day, ISO week (Monday), month; epoch seconds; the end of
    a window is the start of the next (a month's end its next month's first day); corridor.grain_hours their lengths -#}
with cases as (
    select 1 as case_id, 'hour' as grain, cast('2026-03-04 10:37:12' as {{ dbt.type_timestamp() }}) as ts
),

windows as (
    select
        case_id,
        {{ corridor.epoch_seconds(corridor.window_start('hour', 'ts')) }} as hour_start,
        {{ corridor.epoch_seconds(corridor.window_start('day', 'ts')) }} as day_start,
        {{ corridor.epoch_seconds(corridor.window_start('week', 'ts')) }} as week_start,
        {{ corridor.epoch_seconds(corridor.window_start('month', 'ts')) }} as month_start,
        {{ corridor.epoch_seconds(corridor.window_end('hour', corridor.window_start('hour', 'ts'))) }} as hour_end,
        {{ corridor.epoch_seconds(corridor.window_end('week', corridor.window_start('week', 'ts'))) }} as week_end,
        {{ corridor.epoch_seconds(corridor.window_end('month', corridor.window_start('month', 'ts'))) }} as month_end,
        {#- an offset given as an expression (dbt-spark's dateadd multiplies it unparenthesized) -#}
        {{ corridor.epoch_seconds(corridor.window_offset('hour', '1 + 1', corridor.window_start('hour', 'ts'))) }} as hour_plus_2,
        {{ corridor.grain_hours('hour') }} + {{ corridor.grain_hours('day') }} * 1000 as grain_hours_hour_day,
        {{ corridor.grain_hours('week') }} + {{ corridor.grain_hours('month') }} * 1000 as grain_hours_week_month
    from cases
)

select * from windows
