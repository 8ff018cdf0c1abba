{#-
    The runs of windows of every rule series whose checks used a stale
    offline estimate (corridor_validation_results.estimate_is_stale): the
    live alert grouping (corridor.alert_episodes) with a stale window as the
    breach, a window with a current estimate as the end, and a run of one
    window enough to open it.
-#}
{{ corridor.alert_episodes(
    ref('corridor_validation_results'),
    breach='estimate_is_stale',
    settles='not estimate_is_stale',
    run_length=1,
    carry=['expected_estimate_id', 'estimate_stale_features'],
) }}
