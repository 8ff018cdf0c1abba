{#
    corridor.changed_ids_delete(delta): the pre-hook of a model that keeps
    its rows by event id (int_corridor__event_id_index,
    int_corridor__duplicate_event_copies; int_corridor__changed_id_rows,
    rebuilt every run, passes none) on an incremental run: deletes the
    rows of the ids whose rows may have changed since the previous run
    (corridor.event_index_changed_ids of `delta`, the index's delta the
    model takes), or every row when `delta` is none (the model is
    recomputed whole); an empty statement on a full build. On Spark every
    row is deleted at once (corridor.incremental_delete_skipped).
#}
{% macro changed_ids_delete(delta) %}
    {{ return(adapter.dispatch('changed_ids_delete', 'corridor')(delta)) }}
{% endmacro %}

{% macro default__changed_ids_delete(delta) %}
    {%- if corridor.incremental_delete_skipped() -%}
        {{ return('') }}
    {%- endif -%}
    {%- if delta is none -%}
        {{ return('delete from ' ~ this) }}
    {%- endif -%}
    {{ return('delete from ' ~ this ~ ' where event_id in (' ~ corridor.event_index_changed_ids(delta) ~ ')') }}
{% endmacro %}
