{#- corridor.grain_hours: the nominal length in hours of each calendar grain (a Jinja number: a month counts 30
    days). The rolling windows' lengths (their days * 24) need var corridor_rolling_windows, which this project
    leaves unset (setting it changes every table of its build), so that branch is not reached here. Pure Jinja (no
    engine body): the same numbers on every engine. -#}
select 1 as case_id, 'hour' as grain, {{ corridor.grain_hours('hour') }} as hours
union all select 2, 'day', {{ corridor.grain_hours('day') }}
union all select 3, 'week', {{ corridor.grain_hours('week') }}
union all select 4, 'month', {{ corridor.grain_hours('month') }}
