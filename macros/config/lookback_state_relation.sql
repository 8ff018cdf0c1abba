{#
    corridor.lookback_state_relation(): the relation that holds what the
    previous run computed, from which every incremental model of the event
    pipeline derives the same lookback start: int_corridor__production_window_stats
    (its last_event_at, and its per-version counts for
    corridor.version_lookback_starts). None when that table does not exist
    yet (a first build: every incremental model then computes everything).

    Looked up in the graph (corridor.built_model_relation), not with ref(): the models upstream of the window
    statistics (events, latency quantiles, histograms) read its state from
    the previous run, before it is rebuilt; the window statistics depend on
    them (-- depends_on), so it is always rebuilt after them.
#}
{% macro lookback_state_relation() %}
    {{ return(adapter.dispatch('lookback_state_relation', 'corridor')()) }}
{% endmacro %}

{% macro default__lookback_state_relation() %}
    {{ return(corridor.built_model_relation('int_corridor__production_window_stats')) }}
{% endmacro %}
