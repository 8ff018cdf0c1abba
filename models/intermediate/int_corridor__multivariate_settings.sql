{#-
    The multivariate drift settings as one row, so that the Python model
    (which cannot read vars) gets them from corridor.setting() with the
    package defaults, like int_corridor__interval_settings.
-#}
{{ config(enabled=corridor.multivariate_drift_enabled()) }}
select
    cast('{{ corridor.feature_drift_grains() | join(",") }}' as {{ dbt.type_string() }}) as window_grains,
    cast({{ corridor.setting('corridor_multivariate_reference_days') }} as {{ dbt.type_bigint() }}) as reference_days,
    cast({{ corridor.setting('corridor_multivariate_alpha') }} as {{ corridor.type_double() }}) as alpha,
    cast({{ corridor.setting('corridor_multivariate_variance') }} as {{ corridor.type_double() }}) as explained_variance,
    cast({{ corridor.setting('corridor_multivariate_min_rows') }} as {{ dbt.type_bigint() }}) as min_rows,
    cast({{ corridor.setting('corridor_multivariate_rows_per_day') }} as {{ dbt.type_bigint() }}) as rows_per_day
