{#
    corridor.rejected_rows_delta(): for int_corridor__rejected_rows (its body
    and its pre-hook), the delta of the event id index
    (corridor.event_index_snapshot) when the model's stored rows can be
    kept, else none (its rows are recomputed whole).

    They are kept on an incremental run (not on Spark, whose delete
    rewrites the table) when the index took its delta path in this
    invocation and int_corridor__rejected_rows_state says the rows were
    last built with the snapshot that delta starts from, under the same
    definition and pseudonymization key (corridor.rejected_rows_definition).
    Then no row before the watermarks changed, so the rows rejected for
    their own values are those stored, except the ones
    corridor.rejected_rows_conditions recomputes.

    Registers the model as a consumer of this invocation's snapshot, so the
    state records which snapshot the rows were built with, and how
    (rows_path). One query of the state per call (two per run: the body and
    the pre-hook).
#}
{% macro rejected_rows_delta() %}
    {{ return(adapter.dispatch('rejected_rows_delta', 'corridor')()) }}
{% endmacro %}

{% macro default__rejected_rows_delta() %}
    {%- set snapshot = corridor.event_index_snapshot(take=false) if execute else none -%}
    {%- if snapshot is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if model.name not in snapshot['consumers'] -%}
        {%- do snapshot['consumers'].append(model.name) -%}
    {%- endif -%}
    {%- set delta = snapshot['delta'] -%}
    {%- set state = corridor.built_model_relation('int_corridor__rejected_rows_state') -%}
    {%- set kept = none -%}
    {%- if delta is not none and state is not none and is_incremental() and target.type != 'spark'
        and delta['previous_invocation_id'] is not none -%}
        {%- set definition = corridor.rejected_rows_definition() -%}
        {%- set stored = run_query('select index_invocation_id, definition, case when key_check is not distinct from ('
            ~ definition['key_check'] ~ ') then 1 else 0 end from ' ~ state).rows -%}
        {%- if stored | length == 1 and stored[0][0] == delta['previous_invocation_id']
            and stored[0][1] == definition['definition'] and stored[0][2] | int == 1 -%}
            {%- set kept = delta -%}
        {%- endif -%}
    {%- endif -%}
    {%- do snapshot.update({'rejected_rows_path': 'full' if kept is none else 'delta'}) -%}
    {{ return(kept) }}
{% endmacro %}
