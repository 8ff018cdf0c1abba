{#-
    corridor.replay_span_hours(): the longest window the replay sums, in
    hours, plus a day (time zones): the coarsest calendar grain of
    corridor_window_grains and corridor_histogram_metric_grains, or the
    longest rolling window (corridor.rolling_windows). A window that ends
    after a time T starts after T less this span, so the replay's cells from
    there cover it whole (int_corridor__replay_label_cutoffs,
    corridor.replay_as_of_window_ctes).
-#}
{% macro replay_span_hours() -%}
    {%- set grains = corridor.setting('corridor_window_grains') + corridor.setting('corridor_histogram_metric_grains') -%}
    {%- set calendar = corridor.known_window_grains() | select('in', grains) | list -%}
    {%- set longest = [{'hour': 1, 'day': 24, 'week': 168, 'month': 744}[calendar | last]] -%}
    {%- for window in corridor.rolling_windows() %}{% do longest.append(24 * window['days']) %}{% endfor -%}
    {{ return(24 + longest | max) }}
{%- endmacro %}
