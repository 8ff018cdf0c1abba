{#
    corridor.event_terms(relation): a query over int_corridor__events_enriched
    adding the per-event terms every production metric is summed from:
    window starts for each grain, has_label / is_evaluable flags, score and
    calibration bins (corridor.score_bin, corridor.calibration_bin), and the label metric terms of
    corridor.label_metric_terms (log-loss and Brier terms, or absolute /
    squared errors). Computed on the fly rather than
    stored, because arithmetic is cheaper than writing and reading it back.
#}
{% macro event_terms(relation) -%}
    {{ return(adapter.dispatch('event_terms', 'corridor')(relation)) }}
{%- endmacro %}

{% macro default__event_terms(relation) -%}
    {%- set model_type = corridor.setting('corridor_model_type') -%}
    {%- set double = corridor.type_double() -%}
    select
        *,
        {%- for grain in corridor.known_window_grains() %}
        {{ corridor.window_start(grain, 'event_at') }} as {{ grain }}_start,
        {%- endfor %}
        label is not null as has_label,
        (label is not null and not is_error and predicted_score is not null) as is_evaluable,
        {%- if model_type == 'binary_classifier' %}
        {{ corridor.score_bin('predicted_score') }} as score_bin,
        {{ corridor.calibration_bin('predicted_score') }} as calibration_bin,
        {%- else %}
        cast(null as {{ dbt.type_int() }}) as score_bin,
        cast(null as {{ dbt.type_int() }}) as calibration_bin,
        {%- endif %}
        {{ corridor.label_metric_terms(model_type, 'predicted_score', 'label') }}
    from {{ relation }}
{%- endmacro %}
