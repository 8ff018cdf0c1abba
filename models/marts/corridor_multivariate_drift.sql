{#-
    Multivariate feature drift (DuckDB only; docs/drift.md#multivariate-drift):
    per model version x window x segment, the mean PCA reconstruction error
    of the window's sampled events against the model's reference period, the
    threshold calibrated from the reference days' spread, and the verdict.
    Computed by the Python model int_corridor__multivariate_drift; this SQL
    model carries the enforced contract (dbt rejects contracts on Python
    models).
-#}
{{ config(enabled=corridor.multivariate_drift_enabled()) }}
with

drift as (

    select * from {{ ref('int_corridor__multivariate_drift') }}

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'model_id', "'|'", 'model_version', "'|'", 'window_grain', "'|'", dbt.cast('window_start', dbt.type_string()), "'|'",
            'segment_dimension', "'|'", 'segment_value', "'|'", 'method'
        ])) }} as multivariate_drift_id,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(segment_value as {{ dbt.type_string() }}) as segment_value,
        cast(method as {{ dbt.type_string() }}) as method,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(window_start as {{ dbt.type_timestamp() }}) as window_start,
        cast(reference_start as {{ dbt.type_timestamp() }}) as reference_start,
        cast(reference_end as {{ dbt.type_timestamp() }}) as reference_end,
        cast(n_sampled_rows as {{ dbt.type_bigint() }}) as n_sampled_rows,
        cast(n_days as {{ dbt.type_bigint() }}) as n_days,
        cast(n_features as {{ dbt.type_bigint() }}) as n_features,
        cast(n_encoded_columns as {{ dbt.type_bigint() }}) as n_encoded_columns,
        cast(n_components as {{ dbt.type_bigint() }}) as n_components,
        cast(n_reference_rows as {{ dbt.type_bigint() }}) as n_reference_rows,
        cast(n_reference_chunks as {{ dbt.type_bigint() }}) as n_reference_chunks,
        cast(reconstruction_error as {{ corridor.type_double() }}) as reconstruction_error,
        cast(reference_error_mean as {{ corridor.type_double() }}) as reference_error_mean,
        cast(reference_error_sd as {{ corridor.type_double() }}) as reference_error_sd,
        cast(error_standard_error as {{ corridor.type_double() }}) as error_standard_error,
        cast(threshold_upper as {{ corridor.type_double() }}) as threshold_upper,
        cast(z_score as {{ corridor.type_double() }}) as z_score,
        cast(p_value as {{ corridor.type_double() }}) as p_value,
        cast(alpha as {{ corridor.type_double() }}) as alpha,
        cast(in_reference_period as {{ dbt.type_boolean() }}) as in_reference_period,
        cast(is_drifted as {{ dbt.type_boolean() }}) as is_drifted

    from drift

)

select * from final
