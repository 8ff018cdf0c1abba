{#-
    Optional: one row per sampled value of a feature in the offline
    (training / evaluation) reference distribution of a model version:
    feature_value parsed as a double (numeric features), feature_category its
    trimmed text (categorical features); a null value is a null of the
    reference (its null rate). When the
    input is switched off (var corridor_reference_features: null) this model
    is an empty relation with the same columns, so downstream models still build.
-#}
{%- set relation = corridor.input_relation('reference_features') -%}

{%- if relation is none %}

select
    cast(null as {{ dbt.type_string() }}) as model_id,
    cast(null as {{ dbt.type_string() }}) as model_version,
    cast(null as {{ dbt.type_string() }}) as feature_name,
    cast(null as {{ corridor.type_double() }}) as feature_value,
    cast(null as {{ dbt.type_string() }}) as feature_category
where 1 = 0

{%- else %}
{%- set c = corridor.resolve_input_columns('reference_features', relation) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['model_id'] }} as {{ dbt.type_string() }}) as model_id,
        cast({{ c['model_version'] }} as {{ dbt.type_string() }}) as model_version,
        lower(trim(cast({{ c['feature_name'] }} as {{ dbt.type_string() }}))) as feature_name,
        {{ corridor.try_cast(c['feature_value'], corridor.type_double()) }} as feature_value,
        {#- the value as text: the category of a categorical feature #}
        nullif(trim(cast({{ c['feature_value'] }} as {{ dbt.type_string() }})), '') as feature_category

    from source

)

select * from renamed

{%- endif %}
