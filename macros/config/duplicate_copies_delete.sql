{#
    corridor.duplicate_copies_delete(): the pre-hook of
    int_corridor__duplicate_event_copies on an incremental run: deletes the
    rows of the ids it ranks again (corridor.event_index_changed_ids, when
    corridor.duplicate_copies_delta found a delta), else every row (every
    duplicated id is ranked again); an empty statement on a full build. On
    Spark every row is deleted at once (corridor.incremental_delete_skipped).
#}
{% macro duplicate_copies_delete() %}
    {{ return(adapter.dispatch('duplicate_copies_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__duplicate_copies_delete() %}
    {%- if corridor.incremental_delete_skipped() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set delta = corridor.duplicate_copies_delta() -%}
    {%- if delta is none -%}
        {{ return('delete from ' ~ this) }}
    {%- endif -%}
    {{ return('delete from ' ~ this ~ ' where event_id in (' ~ corridor.event_index_changed_ids(delta) ~ ')') }}
{% endmacro %}
