{#-
    corridor.event_copy_order(): the order that decides which copy of an
    event id counts: the first loaded, then the earliest event time, then
    the remaining values, and last every column as it arrived (raw__1,
    raw__2, ...), so that the order is total: copies that tie on all of it
    are identical rows, and every build picks the same one.
-#}
{% macro event_copy_order() -%}
    {{ return(adapter.dispatch('event_copy_order', 'corridor')()) }}
{%- endmacro %}

{% macro default__event_copy_order() -%}
    loaded_at asc nulls last, event_at asc, model_version asc, latency_ms asc nulls last, predicted_score asc nulls last, is_error asc
    {%- for key, staged, expr in corridor.raw_columns('production_events', {}) %}, {{ staged }} asc nulls last{% endfor %}
{%- endmacro %}
