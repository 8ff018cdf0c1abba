{#
    corridor.label_free_observation_rows(estimates): while the label-free
    estimate is built (corridor.label_free_enabled), `union all` and the rows
    of the shared metric schema (corridor_metric_observations' unioned CTE)
    for the label-free estimates in the relation `estimates` (columns
    model_id, model_version, metric, segment_dimension, segment_value,
    window_grain, is_shifted, metric_value, sample_size, standard_error,
    interval_lower, interval_upper, confidence_level, window_start,
    window_end, shift_reason); nothing otherwise. Preceded by blank lines.
#}
{% macro label_free_observation_rows(estimates) -%}
    {{ return(adapter.dispatch('label_free_observation_rows', 'corridor')(estimates)) }}
{%- endmacro %}

{% macro default__label_free_observation_rows(estimates) -%}
    {%- if corridor.label_free_enabled() %}

    union all

    select
        'label_free_estimate' as source,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        {#- a window whose scores moved away from the reference: rules on the estimate call it inconclusive #}
        case when is_shifted then 'confidence_based_isotonic_shifted' else 'confidence_based_isotonic' end as method,
        'calibration_and_label_simulation' as interval_method,
        cast(null as {{ dbt.type_string() }}) as estimate_id,
        cast(null as {{ dbt.type_string() }}) as estimator_version,
        cast(null as {{ dbt.type_string() }}) as evaluation_dataset_id,
        {{ corridor.sql_string(corridor.input_relation_name('production_events') ~ ' + ' ~ corridor.input_relation_name('outcomes')
            ~ ' (reference period)') }} as input_relation,
        metric_value,
        sample_size,
        standard_error,
        interval_lower,
        interval_upper,
        confidence_level,
        cast(null as {{ corridor.type_double() }}) as label_maturity,
        window_start,
        window_end,
        cast(null as {{ dbt.type_timestamp() }}) as estimate_produced_at,
        shift_reason

    from {{ estimates }}
    {%- endif %}
{%- endmacro %}
