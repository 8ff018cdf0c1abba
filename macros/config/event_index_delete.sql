{#
    corridor.event_index_delete(): the pre-hook of int_corridor__event_id_index
    on an incremental run: deletes the index rows of the ids it recomputes
    (corridor.event_index_changed_ids, when corridor.event_index_snapshot
    found a delta), else every row (the index is recomputed whole); an
    empty statement on a full build (corridor.changed_ids_delete). On
    Spark the delete runs at once (corridor.delete_rows).
#}
{% macro event_index_delete() %}
    {{ return(adapter.dispatch('event_index_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__event_index_delete() %}
    {%- set snapshot = corridor.event_index_snapshot() -%}
    {{ return(corridor.changed_ids_delete(snapshot['delta'] if snapshot is not none else none)) }}
{% endmacro %}
