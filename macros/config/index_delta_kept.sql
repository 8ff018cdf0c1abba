{#
    corridor.index_delta_kept(state_name): for a model that keeps its
    stored rows by the event id index's delta (int_corridor__rejected_rows,
    int_corridor__duplicate_event_copies: their bodies and pre-hooks), the
    delta of this invocation's snapshot (corridor.event_index_snapshot) when
    the stored rows can be kept, else none (the rows are recomputed whole).

    Kept on an incremental run (not on Spark, whose delete rewrites the
    table) when the index took its delta path in this invocation and the
    model's state `state_name` (written by corridor.index_delta_state) says
    the rows were last built with the snapshot that delta starts from, under
    the same definition and pseudonymization key
    (corridor.rejected_rows_definition: the rules, the reason codes, how the
    raw columns are rendered). Then no row before the watermarks changed.

    Registers the calling model as a consumer of the snapshot and records
    the path it takes (paths: delta or full), which its state stores. One
    query of the state per call; a model's body and pre-hook get the same
    answer, since the state is rebuilt only after the model.
#}
{% macro index_delta_kept(state_name) %}
    {{ return(adapter.dispatch('index_delta_kept', 'corridor')(state_name)) }}
{% endmacro %}

{% macro default__index_delta_kept(state_name) %}
    {%- set snapshot = corridor.event_index_snapshot(take=false) if execute else none -%}
    {%- if snapshot is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if model.name not in snapshot['consumers'] -%}
        {%- do snapshot['consumers'].append(model.name) -%}
    {%- endif -%}
    {%- set delta = snapshot['delta'] -%}
    {%- set state = corridor.built_model_relation(state_name) -%}
    {%- set kept = none -%}
    {%- if delta is not none and state is not none and is_incremental() and target.type != 'spark'
        and delta['previous_invocation_id'] is not none and corridor.relation_has_column(state, 'key_check') -%}
        {%- set definition = corridor.rejected_rows_definition() -%}
        {%- set stored = run_query('select index_invocation_id, definition, case when key_check is not distinct from ('
            ~ definition['key_check'] ~ ') then 1 else 0 end from ' ~ state).rows -%}
        {%- if stored | length == 1 and stored[0][0] == delta['previous_invocation_id']
            and stored[0][1] == definition['definition'] and stored[0][2] | int == 1 -%}
            {%- set kept = delta -%}
        {%- endif -%}
    {%- endif -%}
    {%- do snapshot.setdefault('paths', {}).update({model.name: 'full' if kept is none else 'delta'}) -%}
    {{ return(kept) }}
{% endmacro %}
