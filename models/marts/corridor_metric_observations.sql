{#-
    The shared metric schema: production metrics and offline estimates side by
    side, one row per source × model version × metric × segment × grain ×
    window, so every comparison downstream is like for like.
-#}
with

production as (

    select * from {{ ref('int_corridor__production_metrics') }}

),

offline as (

    select * from {{ ref('int_corridor__offline_estimates_aligned') }}

),

{{- corridor.label_free_estimates_cte('production') }}

mix_adjusted as (

    select * from {{ ref('int_corridor__offline_mix_adjusted') }}

),
{{- corridor.offline_evaluation_observations_cte() }}

unioned as (

    select
        'production' as source,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        method,
        interval_method,
        cast(null as {{ dbt.type_string() }}) as estimate_id,
        cast(null as {{ dbt.type_string() }}) as estimator_version,
        cast(null as {{ dbt.type_string() }}) as evaluation_dataset_id,
        {{ corridor.production_input_relation('metric') }} as input_relation,
        metric_value,
        sample_size,
        standard_error,
        interval_lower,
        interval_upper,
        confidence_level,
        label_maturity,
        window_start,
        window_end,
        cast(null as {{ dbt.type_timestamp() }}) as estimate_produced_at,
        cast(null as {{ dbt.type_string() }}) as shift_reason

    from production

    union all

    select
        'offline' as source,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        method,
        case when standard_error is not null or interval_lower is not null then 'stated' end as interval_method,
        estimate_id,
        estimator_version,
        evaluation_dataset_id,
        {{ corridor.sql_string(corridor.input_relation_name('offline_estimates')) }} as input_relation,
        expected_value as metric_value,
        sample_size,
        standard_error,
        interval_lower,
        interval_upper,
        confidence_level,
        cast(null as {{ corridor.type_double() }}) as label_maturity,
        window_start,
        window_end,
        produced_at as estimate_produced_at,
        cast(null as {{ dbt.type_string() }}) as shift_reason

    from offline
    {{- corridor.label_free_observation_rows('label_free_estimates') }}

    union all

    {#- the offline segment estimates reweighted to this window's production mix (docs/decisions.md) #}
    select
        'offline_mix_adjusted' as source,
        model_id,
        model_version,
        metric,
        'all' as segment_dimension,
        'all' as segment_value,
        window_grain,
        method,
        'mix_adjusted_normal' as interval_method,
        estimate_id,
        cast(null as {{ dbt.type_string() }}) as estimator_version,
        cast(null as {{ dbt.type_string() }}) as evaluation_dataset_id,
        {{ corridor.sql_string(
            corridor.input_relation_name('offline_estimates') ~ ' + ' ~ corridor.input_relation_name('production_events')
        ) }} as input_relation,
        expected_value as metric_value,
        sample_size,
        standard_error,
        interval_lower,
        interval_upper,
        confidence_level,
        cast(null as {{ corridor.type_double() }}) as label_maturity,
        window_start,
        window_end,
        cast(null as {{ dbt.type_timestamp() }}) as estimate_produced_at,
        cast(null as {{ dbt.type_string() }}) as shift_reason

    from mix_adjusted
    {{- corridor.offline_evaluation_observation_rows('offline_evaluation') }}

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'source', "'|'", 'model_id', "'|'", 'model_version', "'|'", 'metric', "'|'",
            'segment_dimension', "'|'", 'segment_value', "'|'", 'window_grain', "'|'",
            dbt.cast('window_start', dbt.type_string())
        ])) }} as observation_id,
        cast(source as {{ dbt.type_string() }}) as source,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(metric as {{ dbt.type_string() }}) as metric,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(segment_value as {{ dbt.type_string() }}) as segment_value,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(method as {{ dbt.type_string() }}) as method,
        cast(interval_method as {{ dbt.type_string() }}) as interval_method,
        cast(estimate_id as {{ dbt.type_string() }}) as estimate_id,
        cast(estimator_version as {{ dbt.type_string() }}) as estimator_version,
        cast(evaluation_dataset_id as {{ dbt.type_string() }}) as evaluation_dataset_id,
        cast(input_relation as {{ dbt.type_string() }}) as input_relation,
        cast(metric_value as {{ corridor.type_double() }}) as metric_value,
        cast(sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast(standard_error as {{ corridor.type_double() }}) as standard_error,
        cast(interval_lower as {{ corridor.type_double() }}) as interval_lower,
        cast(interval_upper as {{ corridor.type_double() }}) as interval_upper,
        cast(confidence_level as {{ corridor.type_double() }}) as confidence_level,
        cast(label_maturity as {{ corridor.type_double() }}) as label_maturity,
        cast(window_start as {{ dbt.type_timestamp() }}) as window_start,
        cast(window_end as {{ dbt.type_timestamp() }}) as window_end,
        cast(estimate_produced_at as {{ dbt.type_timestamp() }}) as estimate_produced_at,
        {#- label_free_estimate rows of a shifted window: why (as in corridor_estimator_validation) #}
        cast(shift_reason as {{ dbt.type_string() }}) as shift_reason

    from unioned

)

select * from final
