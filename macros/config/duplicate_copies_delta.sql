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
    deletes their rows (corridor.changed_ids_delete) and ranks their
    copies again; every other id keeps its stored rows.

    None while dbt parses, on a full build, when the index did not take its
    delta path in this invocation (or did not run in it), when the state
    names another invocation or none (a build of the copies that did not
    rebuild the state, a failure in between: corridor.state_invalidate),
    and on Spark. The check, shared with the rejected rows:
    corridor.index_delta_kept. The body and the delete pre-hook, which runs
    before the state's (corridor.state_invalidate), take the same path.
#}
{% macro duplicate_copies_delta() %}
    {{ return(adapter.dispatch('duplicate_copies_delta', 'corridor')()) }}
{% endmacro %}

{% macro default__duplicate_copies_delta() %}
    {{ return(corridor.index_delta_kept('int_corridor__duplicate_event_copies_state')) }}
{% endmacro %}
