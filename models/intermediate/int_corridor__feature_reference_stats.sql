{#-
    One row per model version x configured feature with a reference
    distribution: its size, null rate, range and spread, the yardsticks of
    corridor_feature_drift (out-of-reference-range share, the Wasserstein
    distance normed by the reference's standard deviation).
-#}

with

reference as (

    select * from {{ ref('stg_corridor__reference_features') }}

),

configured as (

    {{ corridor.feature_types(corridor.feature_columns()) }}

),

typed as (

    select
        reference.model_id,
        reference.model_version,
        reference.feature_name,
        configured.feature_type,
        case when configured.feature_type = 'numeric' then reference.feature_value end as value,
        case
            when configured.feature_type = 'numeric' then reference.feature_value is not null
            else reference.feature_category is not null
        end as has_value,
        case when configured.feature_type = 'categorical' then reference.feature_category end as category

    from reference
    inner join configured
        on reference.feature_name = configured.feature_name

),

final as (

    select
        model_id,
        model_version,
        feature_name,
        feature_type,
        count(*) as n_reference_rows,
        sum(case when has_value then 1 else 0 end) as n_reference,
        cast(count(distinct category) as {{ dbt.type_bigint() }}) as n_reference_categories,
        cast(sum(case when has_value then 0 else 1 end) as {{ corridor.type_double() }}) / count(*) as reference_null_rate,
        min(value) as reference_min,
        max(value) as reference_max,
        avg(value) as reference_mean,
        {#- population standard deviation (numpy's std, ddof = 0) #}
        stddev_pop(value) as reference_std

    from typed
    group by model_id, model_version, feature_name, feature_type

)

select * from final
