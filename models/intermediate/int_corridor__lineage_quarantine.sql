{#-
    The rows of the two feature-lineage inputs that cannot be used, in the
    columns corridor_quarantine unions: feature versions
    (int_corridor__feature_versions_checked; record id: feature and
    version) and estimate feature versions
    (int_corridor__estimate_feature_versions_checked; record id: the
    estimate id), each with its reason codes and its raw values.
-#}

with

feature_versions as (

    select * from {{ ref('int_corridor__feature_versions_checked') }}
    where not is_valid

),

estimate_feature_versions as (

    select * from {{ ref('int_corridor__estimate_feature_versions_checked') }}
    where not is_valid

),

unioned as (
    {#- a row of the estimate feature versions names an estimate, or a model version (docs/lineage.md#per-model-version) -#}
    {%- for input_name, record_id, model_id, model_version in [
        ('feature_versions', "coalesce(feature_name, '') || ' ' || coalesce(feature_version, '')", 'null', 'null'),
        ('estimate_feature_versions', "coalesce(nullif(trim(estimate_id), ''), model_version)", 'model_id', 'model_version'),
    ] %}

    select
        '{{ input_name }}' as input_name,
        {{ record_id }} as event_id,
        cast({{ model_id }} as {{ dbt.type_string() }}) as model_id,
        cast({{ model_version }} as {{ dbt.type_string() }}) as model_version,
        raw_values,
        reason_codes,
        cast(null as {{ dbt.type_timestamp() }}) as event_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at

    from {{ input_name }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from unioned
