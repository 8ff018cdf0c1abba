{#-
    Does the label-free estimate's calibration hold on the reference? Per
    model version × reference decile: the calibration map fitted on one half
    of the reference events, checked on the other half (expected against
    observed positive rate, binomial z, Bonferroni across deciles). See
    corridor.label_free.calibration_reliability.
-#}
{{ config(enabled=corridor.label_free_enabled()) }}

with

reliability as (

    select * from {{ corridor.label_free_ref('reliability') }}

),

final as (

    select
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(reliability_bin as {{ dbt.type_int() }}) as reliability_bin,
        cast(heldout_events as {{ dbt.type_bigint() }}) as heldout_events,
        cast(heldout_positives as {{ dbt.type_bigint() }}) as heldout_positives,
        cast(mean_score as {{ corridor.type_double() }}) as mean_score,
        cast(expected_rate as {{ corridor.type_double() }}) as expected_rate,
        cast(observed_rate as {{ corridor.type_double() }}) as observed_rate,
        cast(z_statistic as {{ corridor.type_double() }}) as z_statistic,
        cast(p_value as {{ corridor.type_double() }}) as p_value,
        cast(holds as {{ dbt.type_boolean() }}) as is_calibration_holding

    from reliability

)

select * from final
