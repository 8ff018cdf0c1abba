{#-
    Multivariate feature drift (DuckDB only; docs/drift.md#multivariate-drift):
    per model version x window x segment, the mean PCA reconstruction error
    of the window's sampled events against the model's reference period, the
    threshold calibrated from the reference days' spread, and the verdict.
    Computed by the Python model int_corridor__multivariate_drift; this SQL
    model carries the enforced contract (dbt rejects contracts on Python
    models).
-#}
{%- set string = dbt.type_string() -%}
{%- set strings = ['model_id', 'model_version', 'window_grain', 'segment_dimension', 'segment_value', 'method', 'status'] -%}
{%- set integers = ['n_sampled_rows', 'n_days', 'n_features', 'n_encoded_columns', 'n_components', 'n_reference_rows',
    'n_reference_chunks'] -%}
{%- set doubles = ['reconstruction_error', 'reference_error_mean', 'reference_error_sd', 'error_standard_error', 'threshold_upper',
    'z_score', 'p_value', 'alpha'] -%}
{%- set timestamps = ['window_start', 'reference_start', 'reference_end'] -%}

with

drift as (

    select * from {{ ref('int_corridor__multivariate_drift') }}

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            'model_id', "'|'", 'model_version', "'|'", 'window_grain', "'|'", dbt.cast('window_start', string), "'|'",
            'segment_dimension', "'|'", 'segment_value', "'|'", 'method'
        ])) }} as multivariate_drift_id,
        {%- for column in strings %}
        cast({{ column }} as {{ string }}) as {{ column }},
        {%- endfor %}
        {%- for column in timestamps %}
        cast({{ column }} as {{ dbt.type_timestamp() }}) as {{ column }},
        {%- endfor %}
        {%- for column in integers %}
        cast({{ column }} as {{ dbt.type_bigint() }}) as {{ column }},
        {%- endfor %}
        {%- for column in doubles %}
        cast({{ column }} as {{ corridor.type_double() }}) as {{ column }},
        {%- endfor %}
        cast(in_reference_period as {{ dbt.type_boolean() }}) as in_reference_period,
        cast(is_drifted as {{ dbt.type_boolean() }}) as is_drifted

    from drift

)

select * from final
