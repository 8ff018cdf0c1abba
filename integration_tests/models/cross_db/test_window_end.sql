{#- corridor.window_end on the UTC calendar (this project's corridor_time_zone) against Python's datetime: the end of
    an hour, a day, an ISO week and a month from the same start; across a year's end, February of a leap year (29
    days) and of a common year (28), a leap day, and a start at 23:00 (its day, week and month keep the clock time).
    Not here: a null start (dbt-spark's dateadd raises on a null timestamp where the other engines give null; corridor
    never asks for the end of a null start), daylight-saving days (need var corridor_time_zone; docs/windows.md), a
    rolling window (needs var corridor_rolling_windows). -#}
{%- set ts = dbt.type_timestamp() -%}
with cases as (
    select 1 as case_id, cast('2024-01-01 00:00:00' as {{ ts }}) as start_at
    union all select 2, cast('2024-02-01 00:00:00' as {{ ts }})
    union all select 3, cast('2023-02-01 00:00:00' as {{ ts }})
    union all select 4, cast('2026-12-28 00:00:00' as {{ ts }})
    union all select 5, cast('2026-12-01 00:00:00' as {{ ts }})
    union all select 6, cast('2024-02-29 00:00:00' as {{ ts }})
    union all select 7, cast('2023-12-31 23:00:00' as {{ ts }})
)

select
    case_id,
    {{ corridor.epoch_seconds(corridor.window_end('hour', 'start_at')) }} as hour_end,
    {{ corridor.epoch_seconds(corridor.window_end('day', 'start_at')) }} as day_end,
    {{ corridor.epoch_seconds(corridor.window_end('week', 'start_at')) }} as week_end,
    {{ corridor.epoch_seconds(corridor.window_end('month', 'start_at')) }} as month_end
from cases
