{#-
    One row per production event as delivered (duplicates included: the
    intermediate layer decides which copy counts). Renames the user's columns
    to corridor's names and casts them; segment dimensions become
    segment_<dimension>, features feature_<name>.
-#}
{%- set relation = corridor.input_relation('production_events') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set features = corridor.feature_columns() -%}
{%- set extra = {} -%}
{%- for s in segments -%}
    {%- do extra.update({'segment_' ~ s['dimension']: s['column']}) -%}
{%- endfor -%}
{%- for f in features -%}
    {%- do extra.update({'feature_' ~ f['feature']: f['column']}) -%}
{%- endfor -%}
{%- set c = corridor.resolve_input_columns('production_events', relation, extra, 'corridor_segment_columns / corridor_feature_columns') -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['event_id'] }} as {{ string }}) as event_id,
        cast({{ c['model_id'] }} as {{ string }}) as model_id,
        cast({{ c['model_version'] }} as {{ string }}) as model_version,
        {{ 'cast(' ~ c['entity_id'] ~ ' as ' ~ string ~ ')' if c['entity_id'] else 'cast(null as ' ~ string ~ ')' }} as entity_id,
        {%- for s in segments %}
        coalesce(cast({{ c['segment_' ~ s['dimension']] }} as {{ string }}), '(missing)') as segment_{{ s['dimension'] }},
        {%- endfor %}
        {{ corridor.try_cast(c['latency_ms'], double) }} as latency_ms,
        {{ corridor.try_cast(c['predicted_score'], double) if c['predicted_score'] else 'cast(null as ' ~ double ~ ')' }} as predicted_score,
        {{ corridor.try_cast(c['predicted_value'], double) if c['predicted_value'] else 'cast(null as ' ~ double ~ ')' }} as predicted_value,
        {{ corridor.try_cast(c['predicted_class'], dbt.type_int()) if c['predicted_class'] else 'cast(null as ' ~ dbt.type_int() ~ ')' }} as predicted_class,
        {%- for f in features %}
        {{ corridor.try_cast(c['feature_' ~ f['feature']], double) }} as feature_{{ f['feature'] }},
        {%- endfor %}
        coalesce(cast({{ c['is_error'] }} as {{ dbt.type_boolean() }}), false) as is_error,
        {{ corridor.try_cast(c['event_at'], ts) }} as event_at,
        {{ corridor.try_cast(c['loaded_at'], ts) if c['loaded_at'] else 'cast(null as ' ~ ts ~ ')' }} as loaded_at

    from source

)

select * from renamed
