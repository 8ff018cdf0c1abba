{#-
    One row per offline estimate: a projected metric for a model version,
    segment and window grain, with its uncertainty and lineage. Segment fields
    left empty mean overall traffic ('all'); a window grain left empty (or
    not mapped) means every grain (int_corridor__offline_estimates_aligned).
    Names are lower-cased and trimmed so they match production's spelling.
    Every parsed field has a <field>_is_unparseable flag
    (corridor.estimate_rejection_reasons); times are parsed like event times
    (corridor.parse_timestamp).
-#}
{%- set relation = corridor.input_relation('offline_estimates') -%}
{%- set c = corridor.resolve_input_columns('offline_estimates', relation) -%}
{%- set text = corridor.typed_column_expressions(c, ['estimate_id', 'segment_dimension', 'segment_value', 'window_grain', 'method',
    'estimator_version', 'evaluation_dataset_id', 'changed_by', 'owner'], 'string') %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ text['estimate_id'] }} as estimate_id,
        cast({{ c['model_id'] }} as {{ dbt.type_string() }}) as model_id,
        cast({{ c['model_version'] }} as {{ dbt.type_string() }}) as model_version,
        lower(trim(cast({{ c['metric'] }} as {{ dbt.type_string() }}))) as metric,
        coalesce(nullif(lower(trim({{ text['segment_dimension'] }})), ''), 'all') as segment_dimension,
        coalesce(nullif(trim({{ text['segment_value'] }}), ''), 'all') as segment_value,
        nullif(lower(trim({{ text['window_grain'] }})), '') as window_grain,
        {{ text['method'] }} as method,
        {{ text['estimator_version'] }} as estimator_version,
        {{ text['evaluation_dataset_id'] }} as evaluation_dataset_id,
        {#- who produced or changed the estimate, when the input carries it (corridor_change_log) #}
        nullif(trim({{ text['changed_by'] }}), '') as changed_by,
        {#- who owns the estimate (stale-estimate alerts go to them: docs/lineage.md), when the input carries it #}
        nullif(trim({{ text['owner'] }}), '') as owner,
        {#- a column found by its own name (detect_optional_columns) is listed under that name #}
        {{ corridor.json_object_text(corridor.raw_value_pairs('offline_estimates', c)) }} as raw_values,
        {{ corridor.is_blank(c['expected_value']) }} as expected_value_is_missing,
        {{ corridor.is_unparseable(c['expected_value'], corridor.try_cast(c['expected_value'], corridor.type_double())) }}
            as expected_value_is_unparseable,
        {{ corridor.try_cast(c['expected_value'], corridor.type_double()) }} as expected_value
        {{- corridor.parsed_value_columns(c, corridor.estimate_parsed_columns(c)) }}

    from source

)

select * from renamed
