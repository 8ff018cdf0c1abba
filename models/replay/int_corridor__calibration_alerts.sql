{#-
    The alerts each candidate setting (int_corridor__calibration_results)
    would have raised as of each replay point: the live alert logic
    (corridor.alert_episodes) per candidate × as_of.
-#}
{{ corridor.alert_episodes(ref('int_corridor__calibration_results'), partition_by=['candidate_id', 'as_of', 'is_build_now']) }}
