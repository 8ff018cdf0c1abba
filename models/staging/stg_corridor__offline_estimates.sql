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
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}
{#- a column found by its own name (detect_optional_columns) is listed under that name -#}
{%- set raw_pairs = corridor.raw_value_pairs('offline_estimates', c) -%}

{#- the optional parsed fields: a value that is given but does not parse is flagged (<key>_is_unparseable) and quarantined, never
    silently null -#}
{%- set number_keys = ['standard_error', 'interval_lower', 'interval_upper', 'confidence_level', 'sample_size'] -%}
{%- set parsed = corridor.typed_column_expressions(c, number_keys, 'double') -%}
{%- set time_keys = ['produced_at', 'valid_from', 'valid_to'] -%}
{%- do parsed.update(corridor.typed_column_expressions(c, time_keys, 'timestamp')) -%}
{%- set text_keys = ['estimate_id', 'segment_dimension', 'segment_value', 'window_grain', 'method', 'estimator_version',
    'evaluation_dataset_id', 'changed_by', 'owner'] -%}
{%- set text = corridor.typed_column_expressions(c, text_keys, 'string') -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ text['estimate_id'] }} as estimate_id,
        cast({{ c['model_id'] }} as {{ string }}) as model_id,
        cast({{ c['model_version'] }} as {{ string }}) as model_version,
        lower(trim(cast({{ c['metric'] }} as {{ string }}))) as metric,
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
        {{ corridor.json_object_text(raw_pairs) }} as raw_values,
        ({{ c['expected_value'] }} is null or trim(cast({{ c['expected_value'] }} as {{ string }})) = '') as expected_value_is_missing,
        (
            {{ c['expected_value'] }} is not null and trim(cast({{ c['expected_value'] }} as {{ string }})) <> ''
            and {{ corridor.try_cast(c['expected_value'], double) }} is null
        ) as expected_value_is_unparseable,
        {{ corridor.try_cast(c['expected_value'], double) }} as expected_value
        {%- for key, expr in parsed.items() %},
    {%- if expr is none %}
    false as {{ key }}_is_unparseable,
    cast(null as {{ ts if key.endswith(('_at', '_from', '_to')) else double }}) as {{ key }}
    {%- else %}
    ({{ c[key] }} is not null and trim(cast({{ c[key] }} as {{ string }})) <> '' and {{ expr }} is null) as {{ key }}_is_unparseable,
    {{ expr }} as {{ key }}
    {%- endif %}
    {%- endfor %}

    from source

)

select * from renamed
