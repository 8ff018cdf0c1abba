{#- corridor.run_time: the start of the run (dbt's run_started_at, UTC) as a timestamp, to the second: its epoch
    seconds equal run_started_at's whole seconds, with no fraction left -#}
select
    1 as case_id,
    {{ corridor.epoch_seconds(corridor.run_time()) }} - {{ run_started_at.replace(microsecond=0).timestamp() | int }} as seconds_from_run_start,
    {{ corridor.epoch_seconds(corridor.run_time()) }} - floor({{ corridor.epoch_seconds(corridor.run_time()) }}) as fraction_of_second
