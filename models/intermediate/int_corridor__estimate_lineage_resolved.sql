{#-
    The feature versions each offline estimate was computed with, resolved
    (docs/lineage.md#per-model-version): the estimate's own rows of the
    estimate feature versions input, and for every feature it names none of,
    the rows of its model version (rows with model_version and no estimate_id:
    what the model version was trained and estimated with), a row naming the
    model_id before one naming only the version. One row per estimate ×
    feature; int_corridor__estimate_staleness and corridor_check_lineage read
    it, so staleness is judged per model version.
-#}

with

lineage as (

    select * from {{ ref('int_corridor__estimate_feature_versions_checked') }}
    where is_valid

),

estimates as (

    select distinct
        estimate_id,
        model_id,
        model_version

    from {{ ref('stg_corridor__offline_estimates') }}
    where estimate_id is not null

),

own as (

    select
        estimate_id,
        feature_name,
        feature_version,
        lineage_scope

    from lineage
    where lineage_scope = 'estimate'

),

inherited as (

    select
        estimates.estimate_id,
        lineage.feature_name,
        lineage.feature_version,
        lineage.lineage_scope,
        row_number() over (
            partition by estimates.estimate_id, lineage.feature_name
            order by case when lineage.model_id is null then 1 else 0 end
        ) as preference

    from estimates
    inner join lineage
        on lineage.lineage_scope = 'model_version'
        and estimates.model_version = lineage.model_version
        and (lineage.model_id is null or estimates.model_id = lineage.model_id)
    left join own
        on estimates.estimate_id = own.estimate_id
        and lineage.feature_name = own.feature_name
    where own.estimate_id is null

),

final as (

    select * from own

    union all

    select
        estimate_id,
        feature_name,
        feature_version,
        lineage_scope

    from inherited
    where preference = 1

)

select * from final
