{#-
    The label-free estimate checked against realized performance: one row per
    model version × metric (accuracy, precision, recall, f1, auc) × segment ×
    grain × window with a label-free estimate, beside the realized value
    computed from the labels that have arrived. Once a window's label
    maturity reaches corridor_label_free_min_label_maturity the row is
    `validated`: its error (estimate - realized) and whether the estimate's
    interval covered the realized value count; before that it is
    `awaiting_labels`. is_shifted (score distribution far from the
    segment's reference distribution: PSI above corridor_label_free_max_psi
    and a chi-square test rejecting at corridor_test_alpha; overall traffic
    also when a segment of its window is, shift_reason saying which) and
    is_calibration_holding (the reference check,
    corridor_label_free_calibration) say when the estimate is not to be
    trusted.
-#}
{{ config(enabled=corridor.label_free_enabled()) }}
{%- set min_maturity = corridor.setting('corridor_label_free_min_label_maturity') -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'segment_dimension', 'segment_value', 'window_start'] -%}

with

estimates as (

    select * from {{ corridor.label_free_ref('estimates') }}

),

production as (

    select * from {{ ref('int_corridor__production_metrics') }}
    where metric in ('accuracy', 'precision', 'recall', 'f1', 'auc')

),

reliability as (

    select * from {{ corridor.label_free_ref('reliability') }}

),

calibration_checks as (

    select
        model_id,
        model_version,
        min(case when holds then 1 else 0 end) = 1 as is_calibration_holding

    from reliability
    group by
        model_id,
        model_version

),

{# realized F1 is the production metric f1 (2 TP / (2 TP + FP + FN)); a window without a true positive, where the
    harmonic mean of precision and recall is undefined, is left unvalidated as before (F1 = 0 there) -#}
realized as (

    select
        {%- for key in keys %}
        {{ key }},
        {%- endfor %}
        metric,
        case when metric = 'f1' then nullif(metric_value, 0) else metric_value end as metric_value,
        label_maturity

    from production

),

joined as (

    select
        estimates.*,
        realized.metric_value as realized_value,
        realized.label_maturity,
        coalesce(calibration_checks.is_calibration_holding, false) as is_calibration_holding

    from estimates
    left join realized
        on {{ corridor.keys_equal('estimates', 'realized', keys) }}
        and estimates.metric = realized.metric
    left join calibration_checks
        on estimates.model_id = calibration_checks.model_id
        and estimates.model_version = calibration_checks.model_version

),

final as (

    select
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(metric as {{ dbt.type_string() }}) as metric,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(segment_value as {{ dbt.type_string() }}) as segment_value,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(
            case
                when coalesce(label_maturity, 0) >= {{ min_maturity }} and realized_value is not null then 'validated'
                else 'awaiting_labels'
            end as {{ dbt.type_string() }}
        ) as validation_status,
        cast(shift_reason as {{ dbt.type_string() }}) as shift_reason,
        cast(metric_value as {{ corridor.type_double() }}) as estimated_value,
        cast(standard_error as {{ corridor.type_double() }}) as standard_error,
        cast(interval_lower as {{ corridor.type_double() }}) as interval_lower,
        cast(interval_upper as {{ corridor.type_double() }}) as interval_upper,
        cast(confidence_level as {{ corridor.type_double() }}) as confidence_level,
        cast(realized_value as {{ corridor.type_double() }}) as realized_value,
        cast(metric_value - realized_value as {{ corridor.type_double() }}) as estimation_error,
        cast(abs(metric_value - realized_value) as {{ corridor.type_double() }}) as absolute_error,
        cast((metric_value - realized_value) / nullif(standard_error, 0) as {{ corridor.type_double() }}) as standardized_error,
        cast(label_maturity as {{ corridor.type_double() }}) as label_maturity,
        cast(sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast(reference_size as {{ dbt.type_bigint() }}) as reference_size,
        cast(score_psi as {{ corridor.type_double() }}) as score_psi,
        cast(shift_p_value as {{ corridor.type_double() }}) as shift_p_value,
        cast(
            case when realized_value is not null then realized_value between interval_lower and interval_upper end
            as {{ dbt.type_boolean() }}
        ) as is_covered,
        cast(is_shifted as {{ dbt.type_boolean() }}) as is_shifted,
        cast(is_calibration_holding as {{ dbt.type_boolean() }}) as is_calibration_holding,
        cast(not is_shifted and is_calibration_holding as {{ dbt.type_boolean() }}) as is_reliable,
        cast(window_start as {{ dbt.type_timestamp() }}) as window_start

    from joined

)

select * from final
