{#-
    The alerts the current rules would have raised as of each replay point
    (int_corridor__replay_points): the live alert logic (corridor.alert_episodes,
    the one behind corridor_alerts) run once per as_of over the validation
    results visible then (int_corridor__replay_results). As of the build's
    own now (is_build_now) the rows are corridor_alerts' episodes; alert_id
    is the same across as_of points, so an alert can be followed from the
    point it first opened (docs/replay.md).
-#}
{{ corridor.alert_episodes(ref('int_corridor__replay_results'), partition_by=['as_of', 'is_build_now']) }}
