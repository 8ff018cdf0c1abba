{#-
    Optional: one row per (offline estimate, feature) or (model version,
    feature) as delivered (var corridor_estimate_feature_versions): the
    version of the feature the estimate, or every estimate of the model
    version, was computed with (docs/lineage.md#per-model-version). Names are
    lower-cased and trimmed like the feature columns. Switched off (null or
    unset outside the demo): an empty relation with the same columns.
-#}
{%- set relation = corridor.lineage_input_relation('estimate_feature_versions') -%}

{%- if relation is none %}

select
    cast(null as {{ dbt.type_string() }}) as estimate_id,
    cast(null as {{ dbt.type_string() }}) as model_id,
    cast(null as {{ dbt.type_string() }}) as model_version,
    cast(null as {{ dbt.type_string() }}) as feature_name,
    cast(null as {{ dbt.type_string() }}) as feature_version,
    cast(null as {{ dbt.type_string() }}) as raw_values
where 1 = 0

{%- else %}
{%- set c = corridor.resolve_input_columns('estimate_feature_versions', relation) %}
{%- set raw_pairs = corridor.raw_value_pairs('estimate_feature_versions', c) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['estimate_id'] or 'null' }} as {{ dbt.type_string() }}) as estimate_id,
        nullif(trim(cast({{ c['model_id'] or 'null' }} as {{ dbt.type_string() }})), '') as model_id,
        nullif(trim(cast({{ c['model_version'] or 'null' }} as {{ dbt.type_string() }})), '') as model_version,
        lower(trim(cast({{ c['feature_name'] }} as {{ dbt.type_string() }}))) as feature_name,
        trim(cast({{ c['feature_version'] }} as {{ dbt.type_string() }})) as feature_version,
        {{ corridor.json_object_text(raw_pairs) }} as raw_values

    from source

)

select * from renamed

{%- endif %}
