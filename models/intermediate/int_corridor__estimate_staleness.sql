{#-
    The checks whose offline estimate is stale, one row per check (keyed like
    int_corridor__checks: rule version x model version x segment x grain x
    window): production ran, during the check's window, on a version of a
    feature other than the one the estimate was computed with
    (int_corridor__estimate_feature_versions_checked). A feature version is
    in effect from its valid_from until the feature's next version starts,
    so a window that straddles a change ran on both. Checks whose estimate
    names no feature versions are never stale (nothing is known about them),
    nor are checks against a seasonal baseline (no estimate), nor windows
    without production events of the check's model version (a version not
    yet rolled out ran on nothing).
-#}
{%- set keys = ['rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain',
    'window_start'] -%}

with

checks as (

    select
        {{ keys | join(',\n        ') }},
        window_end,
        estimate_id

    from {{ ref('int_corridor__checks') }}
    {#- a window without production events of the model version ran on no feature version: never stale #}
    where estimate_id is not null
        and sample_size > 0

),

seen as (

    select * from {{ ref('int_corridor__estimate_lineage_resolved') }}

),

versions as (

    select * from {{ ref('int_corridor__feature_versions_checked') }}
    where is_valid

),

unseen as (

    {#- each version production ran on in the window that the estimate did not see -#}
    select
        {%- for key in keys %}
        checks.{{ key }},
        {%- endfor %}
        checks.estimate_id,
        seen.feature_name,
        seen.feature_version as estimate_feature_version,
        versions.feature_version as production_feature_version,
        versions.valid_from

    from checks
    inner join seen
        on checks.estimate_id = seen.estimate_id
    inner join versions
        on seen.feature_name = versions.feature_name
        and checks.window_end > versions.valid_from
        and (versions.valid_to is null or checks.window_start < versions.valid_to)
    where versions.feature_version <> seen.feature_version

),

final as (

    select
        {{ keys | join(',\n        ') }},
        estimate_id,
        count(*) as unseen_feature_versions,
        {{ corridor.ordered_listagg(
            "feature_name || ' ' || production_feature_version || ' (estimate saw ' || estimate_feature_version || ')'",
            "'; '",
            'order by feature_name, valid_from'
        ) }} as stale_features,
        true as estimate_is_stale

    from unseen
    group by {{ keys | join(', ') }}, estimate_id

)

select * from final
