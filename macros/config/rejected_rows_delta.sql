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

    The check, shared with the duplicate copies: corridor.index_delta_kept,
    which registers the model as a consumer of this invocation's snapshot,
    so the state records which snapshot the rows were built with, and how
    (rows_path).
#}
{% macro rejected_rows_delta() %}
    {{ return(adapter.dispatch('rejected_rows_delta', 'corridor')()) }}
{% endmacro %}

{% macro default__rejected_rows_delta() %}
    {{ return(corridor.index_delta_kept('int_corridor__rejected_rows_state')) }}
{% endmacro %}
