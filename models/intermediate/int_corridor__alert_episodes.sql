{#-
    Alert episodes, from the validation results of each series (rule × model
    version × segment × grain, across rule versions), in window order:

    - a window counts as a breach only when it is a confirmed breach (status
      warn or fail and q-value within var corridor_fdr_level);
    - an episode starts at the first breach after a pass and lasts until the
      next pass; windows in between that are missing, inconclusive, blocked
      or unconfirmed neither extend nor end it;
    - the episode becomes an alert when it holds a run of adjacent breach
      windows as long as the rule's consecutive_windows; it opens at the end
      of the window that completes that run;
    - the alert is `closed` at the first pass after it, `open` otherwise.
    Rolling windows (corridor.rolling_windows) overlap: adjacent windows
    start one day apart, and one incident makes every window containing its
    days breach, which is one episode, so one alert.
-#}
{{ corridor.alert_episodes(ref('corridor_validation_results')) }}
