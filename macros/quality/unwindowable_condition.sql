{#-
    corridor.unwindowable_condition(): SQL condition on a row of
    corridor_quarantine that is a production event no window can hold (no
    event_at or model_id, or an event_at before the earliest allowed), what
    the input-level gate check unwindowable_events counts.
-#}
{% macro unwindowable_condition() -%}
    {{ return(adapter.dispatch('unwindowable_condition', 'corridor')()) }}
{%- endmacro %}

{% macro default__unwindowable_condition() -%}
    {{ return("input_name = 'production_events' and (event_at is null or model_id is null or reason_codes like "
        "'%event_at_before_earliest%')") }}
{%- endmacro %}
