{#-
    Which feature versions and upstream sources fed each check, on both
    sides: one row per check (corridor_validation_results.result_id) x side x
    feature version.
    - production: every feature version in effect during the check's window
      (var corridor_feature_versions; a version holds from its valid_from to
      the feature's next version), whatever the rule;
    - offline: the feature versions the check's offline estimate was
      computed with (var corridor_estimate_feature_versions).
    is_mismatch marks a production version the estimate did not see (of a
    feature the estimate names) and an estimate version production did not
    run on in the window: the rows behind estimate_is_stale.
    Empty while the lineage inputs are off.
-#}
{%- set keys = ['result_id', 'rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension', 'segment_value',
    'window_grain'] -%}

with

results as (

    select
        {{ keys | join(',\n        ') }},
        expected_estimate_id as estimate_id,
        window_start,
        window_end

    from {{ ref('corridor_validation_results') }}

),

versions as (

    select * from {{ ref('int_corridor__feature_versions_checked') }}
    where is_valid

),

seen as (

    select * from {{ ref('int_corridor__estimate_lineage_resolved') }}

),

production as (

    select
        {%- for key in keys %}
        results.{{ key }},
        {%- endfor %}
        results.estimate_id,
        versions.feature_name,
        versions.feature_version,
        max(versions.upstream_source) as upstream_source,
        max(case when seen.feature_version is not null and seen.feature_version <> versions.feature_version then 1 else 0 end)
            as is_mismatch,
        results.window_start,
        min(versions.valid_from) as version_valid_from,
        {#- null while the version is still in effect -#}
        case when max(case when versions.valid_to is null then 1 else 0 end) = 0 then max(versions.valid_to) end as version_valid_to

    from results
    inner join versions
        on results.window_end > versions.valid_from
        and (versions.valid_to is null or results.window_start < versions.valid_to)
    left join seen
        on results.estimate_id = seen.estimate_id
        and versions.feature_name = seen.feature_name
    group by
        {%- for key in keys %}
        results.{{ key }},
        {%- endfor %}
        results.estimate_id, versions.feature_name, versions.feature_version, results.window_start

),

production_features as (

    select distinct
        result_id,
        feature_name

    from production

),

version_spans as (

    {#- a version's upstream source and first start, for the offline side -#}
    select
        feature_name,
        feature_version,
        max(upstream_source) as upstream_source,
        min(valid_from) as version_valid_from

    from versions
    group by feature_name, feature_version

),

offline as (

    select
        {%- for key in keys %}
        results.{{ key }},
        {%- endfor %}
        results.estimate_id,
        seen.feature_name,
        seen.feature_version,
        version_spans.upstream_source,
        {#- the estimate's version was not in effect at any time in the window -#}
        case when versions_in_window.feature_version is null and production_in_window.feature_name is not null then 1 else 0 end
            as is_mismatch,
        results.window_start,
        version_spans.version_valid_from,
        cast(null as {{ dbt.type_timestamp() }}) as version_valid_to

    from results
    inner join seen
        on results.estimate_id = seen.estimate_id
    left join version_spans
        on seen.feature_name = version_spans.feature_name
        and seen.feature_version = version_spans.feature_version
    left join production as versions_in_window
        on results.result_id = versions_in_window.result_id
        and seen.feature_name = versions_in_window.feature_name
        and seen.feature_version = versions_in_window.feature_version
    left join production_features as production_in_window
        on results.result_id = production_in_window.result_id
        and seen.feature_name = production_in_window.feature_name

),

final as (
    {%- for side in ['production', 'offline'] %}

    select
        {%- for key in keys %}
        cast({{ key }} as {{ dbt.type_string() }}) as {{ key }},
        {%- endfor %}
        cast(estimate_id as {{ dbt.type_string() }}) as estimate_id,
        cast('{{ side }}' as {{ dbt.type_string() }}) as side,
        cast(feature_name as {{ dbt.type_string() }}) as feature_name,
        cast(feature_version as {{ dbt.type_string() }}) as feature_version,
        cast(upstream_source as {{ dbt.type_string() }}) as upstream_source,
        is_mismatch = 1 as is_mismatch,
        cast(window_start as {{ dbt.type_timestamp() }}) as window_start,
        cast(version_valid_from as {{ dbt.type_timestamp() }}) as version_valid_from,
        cast(version_valid_to as {{ dbt.type_timestamp() }}) as version_valid_to

    from {{ side }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from final
