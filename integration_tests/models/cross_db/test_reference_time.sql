{#- corridor.reference_time and corridor.run_time: without var corridor_as_of (as in this project) both are the start
    of the run, a timestamp (UTC) the engine reads back to the second -#}
select
    1 as case_id,
    {{ corridor.epoch_seconds(corridor.reference_time()) }} - {{ corridor.epoch_seconds(corridor.run_time()) }} as seconds_apart,
    {{ corridor.epoch_seconds(corridor.reference_time()) }} - {{ run_started_at.replace(microsecond=0).timestamp() | int }} as seconds_from_run_start
