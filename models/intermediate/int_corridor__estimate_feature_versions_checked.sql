{#-
    Every row of the estimate feature versions input (the feature versions an
    offline estimate, or every estimate of a model version, was computed
    with), judged: its reason codes
    (corridor.estimate_lineage_rejection_reasons; rows with any are
    quarantined in corridor_quarantine) and whether it is valid.
-#}

with

lineage as (

    select * from {{ ref('stg_corridor__estimate_feature_versions') }}

),

estimates as (

    select distinct estimate_id
    from {{ ref('stg_corridor__offline_estimates') }}
    where estimate_id is not null

),

estimated_versions as (

    {#- the model versions offline estimates are of, by (model_id, version) and by version alone ('*') -#}
    select distinct
        model_id as model_key,
        model_version

    from {{ ref('stg_corridor__offline_estimates') }}

    union

    select distinct
        '*' as model_key,
        model_version

    from {{ ref('stg_corridor__offline_estimates') }}

),

scoped as (

    {#- a row names an estimate (estimate_id), else a model version (model_version, optionally model_id) -#}
    select
        *,
        case
            when trim(coalesce(estimate_id, '')) <> '' then 'estimate'
            when model_version is not null then 'model_version'
        end as lineage_scope,
        case
            when trim(coalesce(estimate_id, '')) <> '' then 'e|' || estimate_id
            when model_version is not null then 'v|' || coalesce(model_id, '*') || '|' || model_version
        end as scope_key

    from lineage

),

versions as (

    select distinct
        feature_name,
        feature_version

    from {{ ref('int_corridor__feature_versions_checked') }}
    where is_valid

),

versions_known as (

    select count(*) as n_versions
    from versions

),

matched as (

    select
        lineage.estimate_id,
        lineage.model_id,
        lineage.model_version,
        lineage.lineage_scope,
        lineage.feature_name,
        lineage.feature_version,
        lineage.raw_values,
        estimates.estimate_id is not null as has_estimate,
        estimated_versions.model_version is not null as has_model_version,
        versions_known.n_versions > 0 as has_feature_versions,
        versions.feature_version is not null as has_version,
        {#- only rows naming a version can conflict (a row missing it is rejected for that alone)  #}
        case
            when lineage.feature_version <> ''
                and min(case when lineage.feature_version <> '' then lineage.feature_version end)
                    over (partition by lineage.scope_key, lineage.feature_name)
                <> max(case when lineage.feature_version <> '' then lineage.feature_version end)
                    over (partition by lineage.scope_key, lineage.feature_name)
                then 2
            else 1
        end as versions_of_feature,
        row_number() over (
            partition by lineage.scope_key, lineage.feature_name, lineage.feature_version
            order by lineage.raw_values
        ) as copy_number

    from scoped as lineage
    cross join versions_known
    left join estimates
        on lineage.estimate_id = estimates.estimate_id
    left join estimated_versions
        on lineage.model_version = estimated_versions.model_version
        and coalesce(lineage.model_id, '*') = estimated_versions.model_key
    left join versions
        on lineage.feature_name = versions.feature_name
        and lineage.feature_version = versions.feature_version

),

judged as (

    select
        estimate_id,
        model_id,
        model_version,
        lineage_scope,
        feature_name,
        feature_version,
        raw_values,
        {{ corridor.reason_codes(corridor.estimate_lineage_rejection_reasons()) }} as reason_codes

    from matched

),

final as (

    select
        *,
        reason_codes = '' as is_valid

    from judged

)

select * from final
