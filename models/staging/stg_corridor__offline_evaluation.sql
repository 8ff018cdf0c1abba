{#-
    One row per row of the optional offline evaluation input (the backtest,
    row by row: var corridor_offline_evaluation; docs/offline-evaluation.md),
    as delivered. Renames and casts like stg_corridor__production_events:
    segment dimensions become segment_<dimension> (read from the columns
    corridor_segment_columns names, '(missing)' when null), features
    feature_<name> (read from the columns corridor_feature_columns names; a
    double, or trimmed text for a categorical feature, unparseable = null as
    in production). Each parsed column carries <column>_is_unparseable;
    raw_values keeps the row as it arrived (JSON text, corridor.raw_value_pairs)
    for corridor_quarantine and record_key (corridor.record_key: a hash of it
    and its occurrence) identifies it, as corridor.stage_optional_input does. When the
    input is off this is an empty relation with the same columns.
-#}
{%- set relation = corridor.input_relation('offline_evaluation') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set features = corridor.feature_columns() -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set int = dbt.type_int() -%}
{%- set text_keys = ['evaluation_id', 'row_id', 'model_id', 'model_version'] -%}
{%- set typed = {'predicted_score': double, 'predicted_class': int, 'predicted_value': double, 'label': double, 'weight': double} -%}
{%- if relation is none %}

select
    cast(null as {{ string }}) as record_key,
    {%- for key in text_keys %}
    cast(null as {{ string }}) as {{ key }},
    {%- endfor %}
    {%- for s in segments %}
    cast(null as {{ string }}) as segment_{{ s['dimension'] }},
    {%- endfor %}
    {%- for key, type in typed.items() %}
    cast(null as {{ type }}) as {{ key }},
    false as {{ key }}_is_unparseable,
    {%- endfor %}
    {%- for f in features %}
    cast(null as {{ string if f['type'] == 'categorical' else double }}) as feature_{{ f['feature'] }},
    {%- endfor %}
    cast(null as {{ string }}) as raw_values
where 1 = 0
{%- else -%}
{%- set extra = corridor.staged_extra_columns(segments, features) -%}
{%- set c = corridor.resolve_input_columns('offline_evaluation', relation, extra, 'corridor_segment_columns / corridor_feature_columns') -%}
{%- set raw_pairs = corridor.raw_value_pairs('offline_evaluation', c, extra) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {%- for key in text_keys %}
        nullif(trim(cast({{ c[key] or 'null' }} as {{ string }})), '') as {{ key }},
        {%- endfor %}
        {%- for s in segments %}
        coalesce(cast({{ c['segment_' ~ s['dimension']] }} as {{ string }}), '(missing)') as segment_{{ s['dimension'] }},
        {%- endfor %}
        {%- for key, type in typed.items() %}
        {%- if c[key] %}
        {{ corridor.try_cast(c[key], type) }} as {{ key }},
        ({{ c[key] }} is not null and trim(cast({{ c[key] }} as {{ string }})) <> '' and {{ corridor.try_cast(c[key], type) }} is null)
            as {{ key }}_is_unparseable,
        {%- else %}
        cast(null as {{ type }}) as {{ key }},
        false as {{ key }}_is_unparseable,
        {%- endif %}
        {%- endfor %}
        {%- for f in features %}
        {%- if f['type'] == 'categorical' %}
        nullif(trim(cast({{ c['feature_' ~ f['feature']] }} as {{ string }})), '') as feature_{{ f['feature'] }},
        {%- else %}
        {{ corridor.try_cast(c['feature_' ~ f['feature']], double) }} as feature_{{ f['feature'] }},
        {%- endif %}
        {%- endfor %}
        {{ corridor.json_object_text(raw_pairs) }} as raw_values

    from source

),

final as (

    select
        {{ corridor.record_key('raw_values') }} as record_key,
        renamed.*

    from renamed

)

select * from final
{%- endif %}
