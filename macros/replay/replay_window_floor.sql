{#-
    corridor.replay_window_floor(ts): the earliest start of a window the
    replay sums that ends after `ts` (a SQL timestamp): the start of the
    window holding `ts` in the coarsest calendar grains of
    corridor_window_grains and corridor_histogram_metric_grains (week and
    month, whose starts do not nest, both when both are built), and, with
    rolling windows (corridor.rolling_windows, summed from days), the start
    of the longest one holding `ts`'s day. Local windows
    (var corridor_time_zone) through corridor.window_start.

    A window holding a later time starts at or after it, so the replay's
    cells from there cover whole every window that ends after `ts`
    (int_corridor__replay_label_cutoffs, corridor.replay_as_of_window_ctes)
    and no earlier cell is read.
-#}
{% macro replay_window_floor(ts) -%}
    {%- set grains = corridor.setting('corridor_window_grains') + corridor.setting('corridor_histogram_metric_grains') -%}
    {%- set calendar = corridor.known_window_grains() | select('in', grains) | list -%}
    {%- set coarse = calendar | select('in', ['week', 'month']) | list -%}
    {%- set starts = [] -%}
    {%- for grain in coarse or calendar[-1:] %}{% do starts.append(corridor.window_start(grain, ts)) %}{% endfor -%}
    {%- set days = corridor.rolling_windows() | map(attribute='days') | map('int') | list -%}
    {%- if days %}
        {%- do starts.append(corridor.window_offset('day', (1 - days | max) | string, corridor.window_start('day', ts))) -%}
    {%- endif -%}
    {{ return(corridor.earliest_of(starts)) }}
{%- endmacro %}
