{#-
    Every row of the feature versions input, judged: its reason codes
    (corridor.feature_version_rejection_reasons; rows with any are
    quarantined in corridor_quarantine) and, for the valid rows, the end of
    each version's validity: the start of the feature's next valid version
    (null: still in effect).
-#}

with

versions as (

    select * from {{ ref('stg_corridor__feature_versions') }}

),

counted as (

    select
        *,
        {#- only rows usable otherwise can conflict (a row missing its version or start is rejected for that alone)  #}
        case
            when valid_from is not null and feature_version <> ''
                and min(case when feature_version <> '' then feature_version end) over (partition by feature_name, valid_from)
                <> max(case when feature_version <> '' then feature_version end) over (partition by feature_name, valid_from)
                then 2
            else 1
        end as versions_at_start,
        row_number() over (
            partition by feature_name, valid_from, feature_version
            order by raw_values
        ) as copy_number

    from versions

),

judged as (

    select
        feature_name,
        feature_version,
        upstream_source,
        raw_values,
        {{ corridor.reason_codes(corridor.feature_version_rejection_reasons()) }} as reason_codes,
        valid_from

    from counted

),

final as (

    select
        feature_name,
        feature_version,
        upstream_source,
        raw_values,
        reason_codes,
        reason_codes = '' as is_valid,
        valid_from,
        case
            when reason_codes = ''
                then lead(valid_from) over (partition by feature_name, reason_codes = '' order by valid_from)
        end as valid_to

    from judged

)

select * from final
