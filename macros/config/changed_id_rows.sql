{#
    corridor.changed_id_rows(): int_corridor__changed_id_rows when it holds
    this invocation's rows of the changed ids: it compiled in this
    invocation (corridor.built_in_invocation) and the event id index's
    snapshot (corridor.event_index_snapshot) has a delta. Else none (a full
    build, a run whose inputs changed before their watermarks, a selection
    without that model), and the reader scans the staging views for those
    ids itself. Read by int_corridor__event_id_index and
    corridor.event_delta_changes; a model calling it declares its
    dependency on int_corridor__changed_id_rows (-- depends_on).
#}
{% macro changed_id_rows() %}
    {{ return(adapter.dispatch('changed_id_rows', 'corridor')()) }}
{% endmacro %}

{% macro default__changed_id_rows() %}
    {%- set snapshot = corridor.event_index_snapshot(take=false) if execute else none -%}
    {%- if snapshot is none or snapshot['delta'] is none
        or not corridor.built_in_invocation('int_corridor__changed_id_rows') -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(ref('int_corridor__changed_id_rows')) }}
{% endmacro %}
