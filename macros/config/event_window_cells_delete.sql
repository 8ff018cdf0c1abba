{#
    corridor.event_window_cells_delete(): the pre-hook of
    int_corridor__event_window_cells on an incremental run: when
    corridor.event_window_cells_delta keeps the stored cells, deletes the
    parts recounted every run (unsettled, no_event_id) and the build row;
    else every row. An empty statement on a full build; on Spark every row
    is deleted at once (corridor.incremental_delete_skipped).
#}
{% macro event_window_cells_delete() %}
    {{ return(adapter.dispatch('event_window_cells_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__event_window_cells_delete() %}
    {%- if corridor.incremental_delete_skipped() -%}
        {{ return('') }}
    {%- endif -%}
    {%- if corridor.event_window_cells_delta() is none -%}
        {{ return('delete from ' ~ this) }}
    {%- endif -%}
    {{ return('delete from ' ~ this ~ " where cell_part in ('build', 'unsettled', 'no_event_id')") }}
{% endmacro %}
