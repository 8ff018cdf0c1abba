{#-
    The shared metric schema: production metrics and offline estimates side by
    side, one row per source × model version × metric × segment × grain ×
    window, so every comparison downstream is like for like.
-#}
{%- set string = dbt.type_string() -%}
{%- set events_relation = corridor.input_relation_name('production_events') -%}
{%- set outcomes_relation = corridor.input_relation_name('outcomes') -%}
{%- set offline_relation = corridor.input_relation_name('offline_estimates') -%}
{%- set evaluation_on = corridor.input_config('offline_evaluation')['enabled'] -%}
{%- set label_free = corridor.label_free_enabled() -%}
{%- set label_metrics = ['accuracy', 'precision', 'recall', 'f1', 'auc', 'log_loss', 'brier_score', 'expected_calibration_error', 'mae',
    'rmse', 'label_maturity'] -%}

with

production as (

    select * from {{ ref('int_corridor__production_metrics') }}

),

offline as (

    select * from {{ ref('int_corridor__offline_estimates_aligned') }}

),

{%- if label_free %}

{# the label-free expected performance (docs/label-free.md), while var corridor_label_free_reference is set #}
label_free_estimates as (

    select
        estimates.*,
        windows.window_end

    from {{ corridor.label_free_ref('estimates') }} as estimates
    left join production as windows
        on estimates.model_id = windows.model_id
        and estimates.model_version = windows.model_version
        and estimates.window_grain = windows.window_grain
        and estimates.segment_dimension = windows.segment_dimension
        and estimates.segment_value = windows.segment_value
        and estimates.window_start = windows.window_start
        and windows.metric = 'request_count'

),
{%- endif %}

mix_adjusted as (

    select * from {{ ref('int_corridor__offline_mix_adjusted') }}

),
{%- if evaluation_on %}

{# offline estimates corridor computes from the backtest rows, and those reweighted to production's features (docs/offline-evaluation.md) #}
offline_evaluation as (

    select * from {{ ref('int_corridor__offline_evaluation_observations') }}

),
{%- endif %}

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
        cast(null as {{ string }}) as estimate_id,
        cast(null as {{ string }}) as estimator_version,
        cast(null as {{ string }}) as evaluation_dataset_id,
        case
            when metric in ('{{ label_metrics | join("', '") }}')
                then {{ corridor.sql_string(events_relation ~ ' + ' ~ outcomes_relation) }}
            else {{ corridor.sql_string(events_relation) }}
        end as input_relation,
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
        cast(null as {{ string }}) as shift_reason

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
        {{ corridor.sql_string(offline_relation) }} as input_relation,
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
        cast(null as {{ string }}) as shift_reason

    from offline
    {%- if label_free %}

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
        cast(null as {{ string }}) as estimate_id,
        cast(null as {{ string }}) as estimator_version,
        cast(null as {{ string }}) as evaluation_dataset_id,
        {{ corridor.sql_string(events_relation ~ ' + ' ~ outcomes_relation ~ ' (reference period)') }} as input_relation,
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

    from label_free_estimates
    {%- endif %}

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
        cast(null as {{ string }}) as estimator_version,
        cast(null as {{ string }}) as evaluation_dataset_id,
        {{ corridor.sql_string(offline_relation ~ ' + ' ~ events_relation) }} as input_relation,
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
        cast(null as {{ string }}) as shift_reason

    from mix_adjusted
    {%- if evaluation_on %}

    union all

    select *, cast(null as {{ string }}) as shift_reason from offline_evaluation
    {%- endif %}

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'source', "'|'", 'model_id', "'|'", 'model_version', "'|'", 'metric', "'|'",
            'segment_dimension', "'|'", 'segment_value', "'|'", 'window_grain', "'|'",
            dbt.cast('window_start', string)
        ])) }} as observation_id,
        cast(source as {{ string }}) as source,
        cast(model_id as {{ string }}) as model_id,
        cast(model_version as {{ string }}) as model_version,
        cast(metric as {{ string }}) as metric,
        cast(segment_dimension as {{ string }}) as segment_dimension,
        cast(segment_value as {{ string }}) as segment_value,
        cast(window_grain as {{ string }}) as window_grain,
        cast(method as {{ string }}) as method,
        cast(interval_method as {{ string }}) as interval_method,
        cast(estimate_id as {{ string }}) as estimate_id,
        cast(estimator_version as {{ string }}) as estimator_version,
        cast(evaluation_dataset_id as {{ string }}) as evaluation_dataset_id,
        cast(input_relation as {{ string }}) as input_relation,
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
        cast(shift_reason as {{ string }}) as shift_reason

    from unioned

)

select * from final
