{#-
    Alert episodes, from the validation results of each series (rule × model
    version × segment × grain, across rule versions), in window order: an
    episode runs from the first confirmed breach after a pass to the next
    pass, and becomes an alert once it holds a run of adjacent confirmed
    breaches as long as the rule's consecutive_windows. The rules in full are
    in corridor.alert_episodes (macros/alerts/alert_episodes.sql), shared with
    the replay of history (corridor_replay_alerts, docs/replay.md).
-#}
{{ corridor.alert_episodes(ref('corridor_validation_results')) }}
