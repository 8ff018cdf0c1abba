{#
    corridor.event_window_cells_parts(delta, watermark): which staged events
    int_corridor__event_window_cells counts in a run, as a list of
    {part, condition}: `part` a SQL expression, the cell_part the rows are
    counted under, `condition` the rows. No row meets two conditions.

    - settled: the rows with an event id that arrived at or before the
      index snapshot's watermark (or without an arrival time). The index's
      next delta fingerprints exactly these, so their cells stand while it
      holds;
    - unsettled: the rows with an event id that arrived after it (loaded
      while the build ran), and no_event_id: the rows without one (the
      snapshot does not fingerprint them). Both are recounted every run.

    With the cells' delta (corridor.event_window_cells_delta): the settled
    rows that arrived since the previous watermark, then the other two parts,
    one condition each (the model scans the staging view once per condition,
    so the engine skips the row groups each rules out). Without it: every
    row in one scan, its part computed per row; `watermark` is this run's
    (none when the index did not run: every row with an event id is settled,
    and the next run recounts every cell).
#}
{% macro event_window_cells_parts(delta, watermark) %}
    {{ return(adapter.dispatch('event_window_cells_parts', 'corridor')(delta, watermark)) }}
{% endmacro %}

{% macro default__event_window_cells_parts(delta, watermark) %}
    {%- set unsettled = 'loaded_at > ' ~ watermark if watermark is not none else '1 = 0' -%}
    {%- if delta is none -%}
        {{ return([{
            'part': "case when event_id is null then 'no_event_id' when " ~ unsettled ~ " then 'unsettled' else 'settled' end",
            'condition': '1 = 1',
        }]) }}
    {%- endif -%}
    {{ return([
        {'part': "'settled'", 'condition': 'event_id is not null and loaded_at > ' ~ delta['events_after'] ~ ' and loaded_at <= '
            ~ delta['watermark']},
        {'part': "'unsettled'", 'condition': 'event_id is not null and loaded_at > ' ~ delta['watermark']},
        {'part': "'no_event_id'", 'condition': 'event_id is null'},
    ]) }}
{% endmacro %}
