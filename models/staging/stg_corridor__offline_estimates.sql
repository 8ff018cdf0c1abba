{#-
    One row per offline estimate: a projected metric for a model version,
    segment and window grain, with its uncertainty and lineage. Segment fields
    left empty mean overall traffic ('all'). Names are lower-cased and trimmed
    so they match production's spelling.
-#}
{%- set relation = corridor.input_relation('offline_estimates') -%}
{%- set c = corridor.resolve_input_columns('offline_estimates', relation) -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}
{%- set cfg = corridor.input_config('offline_estimates') -%}
{%- set raw_pairs = [] -%}
{%- for key, ref in c.items() if ref is not none -%}
    {#- a column found by its own name (detect_optional_columns) is listed under that name -#}
    {%- do raw_pairs.append((cfg['columns'][key] or key, ref)) -%}
{%- endfor -%}

{%- set text = {} -%}
{%- for key in ['estimate_id', 'segment_dimension', 'segment_value', 'method', 'estimator_version', 'evaluation_dataset_id'] -%}
    {%- do text.update({key: 'cast(' ~ (c[key] or 'null') ~ ' as ' ~ string ~ ')'}) -%}
{%- endfor -%}

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
        lower(trim(cast({{ c['window_grain'] }} as {{ string }}))) as window_grain,
        {{ text['method'] }} as method,
        {{ text['estimator_version'] }} as estimator_version,
        {{ text['evaluation_dataset_id'] }} as evaluation_dataset_id,
        {{ corridor.json_object_text(raw_pairs) }} as raw_values,
        ({{ c['expected_value'] }} is null or trim(cast({{ c['expected_value'] }} as {{ string }})) = '') as expected_value_is_missing,
        ({{ c['expected_value'] }} is not null and trim(cast({{ c['expected_value'] }} as {{ string }})) <> '' and {{ corridor.try_cast(c['expected_value'], double) }} is null) as expected_value_is_unparseable,
        {{ corridor.try_cast(c['expected_value'], double) }} as expected_value,
        {{ corridor.try_cast(c['standard_error'], double) if c['standard_error'] else 'cast(null as ' ~ double ~ ')' }} as standard_error,
        {{ corridor.try_cast(c['interval_lower'], double) if c['interval_lower'] else 'cast(null as ' ~ double ~ ')' }} as interval_lower,
        {{ corridor.try_cast(c['interval_upper'], double) if c['interval_upper'] else 'cast(null as ' ~ double ~ ')' }} as interval_upper,
        {{ corridor.try_cast(c['confidence_level'], double) if c['confidence_level'] else 'cast(null as ' ~ double ~ ')' }} as confidence_level,
        {{ corridor.try_cast(c['produced_at'], ts) if c['produced_at'] else 'cast(null as ' ~ ts ~ ')' }} as produced_at,
        {{ corridor.try_cast(c['valid_from'], ts) if c['valid_from'] else 'cast(null as ' ~ ts ~ ')' }} as valid_from,
        {{ corridor.try_cast(c['valid_to'], ts) if c['valid_to'] else 'cast(null as ' ~ ts ~ ')' }} as valid_to

    from source

)

select * from renamed
