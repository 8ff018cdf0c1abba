{#-
    Optional: one row per feature version as delivered (var
    corridor_feature_versions): a feature's transform or source version and
    the time from which production computes the feature with it (valid until
    the feature's next version starts), with its upstream source. Names are
    lower-cased and trimmed like the feature columns; valid_from is parsed
    like event times, with flags for a missing or unparseable value
    (corridor.feature_version_rejection_reasons). Switched off (null or
    unset outside the demo): an empty relation with the same columns.
-#}
{%- set relation = corridor.lineage_input_relation('feature_versions') -%}

{%- if relation is none %}

select
    cast(null as {{ dbt.type_string() }}) as feature_name,
    cast(null as {{ dbt.type_string() }}) as feature_version,
    cast(null as {{ dbt.type_string() }}) as upstream_source,
    cast(null as {{ dbt.type_string() }}) as raw_values,
    false as valid_from_is_missing,
    false as valid_from_is_unparseable,
    cast(null as {{ dbt.type_timestamp() }}) as valid_from
where 1 = 0

{%- else %}
{%- set c = corridor.resolve_input_columns('feature_versions', relation) %}
{%- set raw_pairs = corridor.raw_value_pairs('feature_versions', c) %}
{%- set valid_from_text = 'trim(cast(' ~ c['valid_from'] ~ ' as ' ~ dbt.type_string() ~ '))' %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        lower(trim(cast({{ c['feature_name'] }} as {{ dbt.type_string() }}))) as feature_name,
        trim(cast({{ c['feature_version'] }} as {{ dbt.type_string() }})) as feature_version,
        nullif(trim(cast({{ c['upstream_source'] or 'null' }} as {{ dbt.type_string() }})), '') as upstream_source,
        {{ corridor.json_object_text(raw_pairs) }} as raw_values,
        ({{ c['valid_from'] }} is null or {{ valid_from_text }} = '') as valid_from_is_missing,
        ({{ c['valid_from'] }} is not null and {{ valid_from_text }} <> '' and {{ corridor.parse_timestamp(c['valid_from']) }} is null)
            as valid_from_is_unparseable,
        {{ corridor.parse_timestamp(c['valid_from']) }} as valid_from

    from source

)

select * from renamed

{%- endif %}
