{#-
    The alerts every scenario run raises: the live alert logic
    (corridor.alert_episodes, as corridor_alerts) over the run's results,
    one set per scenario × seed. alert_id is the live one's when the episode
    is the same.
-#}
{{ corridor.alert_episodes(ref('int_corridor__scenario_results'), partition_by=['scenario_id', 'seed']) }}
