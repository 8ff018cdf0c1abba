{#
    corridor.duplicate_copies_delta(): the delta of the event id index
    (corridor.event_index_snapshot) that int_corridor__duplicate_event_copies
    can take on an incremental run, or none when it recomputes every
    duplicated id.

    The copies were last built with the snapshot the index's delta starts
    from (int_corridor__duplicate_event_copies_state names its invocation,
    under the same definition and pseudonym key: corridor.rejected_rows_definition)
    when that build saw every row up to the index's previous watermarks.
    Then only the ids of the rows that arrived since, and of the events
    that were or are in the future (corridor.event_index_changed_ids), can
    have other copies, other rejection reasons or another rank: the model
    deletes their rows (corridor.duplicate_copies_delete) and ranks their
    copies again; every other id keeps its stored rows.

    None while dbt parses, on a full build, when the index did not take its
    delta path in this invocation (or did not run in it), when the state
    names another invocation or none (a build of the copies that did not
    rebuild the state, a failure in between: corridor.state_invalidate),
    and on Spark. Decided once per invocation, while the copies compile,
    before their pre-hooks change the table and the state, so the body and
    the delete take the same path. Marks the copies as a consumer of the
    snapshot and records the path taken in it (copies_path), which their
    state stores.
#}
{% macro duplicate_copies_delta() %}
    {{ return(adapter.dispatch('duplicate_copies_delta', 'corridor')()) }}
{% endmacro %}

{% macro default__duplicate_copies_delta() %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set cache = graph.setdefault('corridor_duplicate_copies_delta', {}) -%}
    {%- if invocation_id in cache -%}
        {{ return(cache[invocation_id]) }}
    {%- endif -%}
    {%- set snapshot = corridor.event_index_snapshot(take=false) -%}
    {%- if snapshot is not none and model.name not in snapshot['consumers'] -%}
        {%- do snapshot['consumers'].append(model.name) -%}
    {%- endif -%}
    {%- set delta = snapshot['delta'] if snapshot is not none and is_incremental() else none -%}
    {%- set state = corridor.built_model_relation('int_corridor__duplicate_event_copies_state')
        if delta is not none and delta['previous_invocation_id'] is not none else none -%}
    {%- set found = namespace(delta=none) -%}
    {%- if state is not none and corridor.relation_has_column(state, 'key_check') -%}
        {%- set definition = corridor.rejected_rows_definition() -%}
        {%- set stored = run_query('select index_invocation_id, definition, case when key_check is not distinct from ('
            ~ definition['key_check'] ~ ') then 1 else 0 end from ' ~ state).rows -%}
        {%- if stored | length == 1 and stored[0][0] == delta['previous_invocation_id']
            and stored[0][1] == definition['definition'] and stored[0][2] | int == 1 -%}
            {%- set found.delta = delta -%}
        {%- endif -%}
    {%- endif -%}
    {%- if snapshot is not none -%}
        {%- do snapshot.update({'copies_path': 'full' if found.delta is none else 'delta'}) -%}
    {%- endif -%}
    {%- do cache.update({invocation_id: found.delta}) -%}
    {{ return(found.delta) }}
{% endmacro %}
