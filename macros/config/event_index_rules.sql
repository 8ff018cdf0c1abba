{#
    corridor.event_index_rules(): a text that changes whenever something
    other than the input rows changes what int_corridor__event_id_index
    holds for an id: the inputs' relations (as configured: no ref() is
    resolved, which dbt allows only in a model's own dependencies), the model type, the rejection
    rules' settings (corridor_future_tolerance_minutes,
    corridor_earliest_event_at, the value domain) and corridor_as_of (which
    outcomes have arrived). int_corridor__event_arrival_state stores it; an
    incremental run whose rules differ recomputes the index whole
    (corridor.event_index_snapshot).
#}
{% macro event_index_rules() %}
    {{ return(adapter.dispatch('event_index_rules', 'corridor')()) }}
{% endmacro %}

{% macro default__event_index_rules() %}
    {%- set parts = [
        corridor.input_config('production_events')['relation_spec'] | string,
        corridor.input_config('outcomes')['relation_spec'] | string,
        corridor.setting('corridor_model_type'),
        corridor.setting('corridor_future_tolerance_minutes'),
        corridor.setting('corridor_earliest_event_at'),
        corridor.value_domain(),
        corridor.setting('corridor_as_of'),
    ] -%}
    {{ return(parts | string) }}
{% endmacro %}
