{#
    corridor.event_window_cells_delta(): for int_corridor__event_window_cells
    (its body and its pre-hook), what the stored cells can be kept with: a
    dict {events_after, watermark} of the event id index's delta
    (corridor.event_index_snapshot), or none when every cell is recomputed.

    events_after is the previous run's watermark of the production events
    (the cells hold every row with an event id that arrived at or before
    it, or without an arrival time); watermark is this run's (the latest
    loaded_at when the index took its snapshot). Kept on an incremental run
    (not on Spark, whose delete rewrites the table) when the index took its
    delta path in this invocation (nothing at or before the previous
    watermark was deleted, rewritten or added) and the cells' build row
    (cell_part 'build') names the invocation that delta starts from, under
    the same definition (corridor.event_window_cells_definition).

    Decided once per invocation (the body compiles first; the pre-hook, which
    deletes the build row, gets the same answer). None while dbt parses.
#}
{% macro event_window_cells_delta() %}
    {{ return(adapter.dispatch('event_window_cells_delta', 'corridor')()) }}
{% endmacro %}

{% macro default__event_window_cells_delta() %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set decided = graph.setdefault('corridor_event_window_cells_delta', {}) -%}
    {%- if invocation_id in decided -%}
        {{ return(decided[invocation_id]) }}
    {%- endif -%}
    {%- set snapshot = corridor.event_index_snapshot(take=false) -%}
    {%- set delta = snapshot['delta'] if snapshot is not none else none -%}
    {%- set kept = none -%}
    {%- if delta is not none and delta['previous_invocation_id'] is not none and is_incremental()
        and target.type != 'spark' and snapshot['inputs']['production_events']['watermark'] is not none -%}
        {%- set stored = run_query('select snapshot_invocation_id, definition from ' ~ this ~ " where cell_part = 'build'").rows -%}
        {%- if stored | length == 1 and stored[0][0] == delta['previous_invocation_id']
            and stored[0][1] == corridor.event_window_cells_definition() -%}
            {%- set kept = {
                'events_after': delta['events_after'],
                'watermark': snapshot['inputs']['production_events']['watermark'],
            } -%}
        {%- endif -%}
    {%- endif -%}
    {%- do decided.update({invocation_id: kept}) -%}
    {{ return(kept) }}
{% endmacro %}
