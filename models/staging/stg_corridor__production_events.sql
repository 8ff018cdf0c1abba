{#-
    One row per production event as delivered (duplicates and malformed rows
    included: the intermediate layer decides which rows are accepted, and the
    rest go to corridor_quarantine). Renames the user's columns to corridor's
    names and casts them; segment dimensions become segment_<dimension>,
    features feature_<name> (a double, or trimmed
    text for a categorical feature). For every parsed column, <column>_is_missing
    and <column>_is_unparseable say what arrived; raw__1, raw__2, ... pass
    the row through as it arrived (corridor.raw_columns), with the entity id
    already pseudonymized: raw identifiers never leave this view.
-#}
{%- set relation = corridor.input_relation('production_events') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set features = corridor.feature_columns() -%}
{%- set extra = corridor.staged_extra_columns(segments, features) -%}
{%- set c = corridor.resolve_input_columns('production_events', relation, extra, 'corridor_segment_columns / corridor_feature_columns') -%}
{%- set types = corridor.input_column_types('production_events', relation) -%}
{%- set cfg = corridor.input_config('production_events') -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}
{%- set int = dbt.type_int() -%}

{#- parsed expressions of the typed columns -#}
{%- set parsed = {
    'latency_ms': corridor.try_cast(c['latency_ms'], double) if c['latency_ms'] else none,
    'predicted_score': corridor.try_cast(c['predicted_score'], double) if c['predicted_score'] else none,
    'predicted_value': corridor.try_cast(c['predicted_value'], double) if c['predicted_value'] else none,
    'predicted_class': corridor.try_cast(c['predicted_class'], int) if c['predicted_class'] else none,
    'is_error': corridor.parse_is_error(c['is_error'], types.get('is_error'), corridor.setting('corridor_error_status_min'))
        if c['is_error'] else none,
    'event_at': corridor.parse_timestamp(c['event_at'], types.get('event_at')) if c['event_at'] else none,
    'loaded_at': corridor.parse_timestamp(c['loaded_at'], types.get('loaded_at')) if c['loaded_at'] else none,
} -%}
{%- set typed_as = {
    'latency_ms': ['double', 'float', 'real', 'numeric', 'decimal', 'integer', 'bigint', 'smallint', 'int', 'hugeint'],
    'predicted_score': ['double', 'float', 'real', 'numeric', 'decimal'],
    'predicted_value': ['double', 'float', 'real', 'numeric', 'decimal', 'integer', 'bigint', 'smallint', 'int', 'hugeint'],
    'predicted_class': ['integer', 'bigint', 'smallint', 'int', 'tinyint', 'hugeint'],
    'is_error': ['boolean', 'bool'],
    'event_at': ['timestamp', 'date'],
    'loaded_at': ['timestamp', 'date'],
} -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['event_id'] }} as {{ string }}) as event_id,
        cast({{ c['model_id'] }} as {{ string }}) as model_id,
        cast({{ c['model_version'] }} as {{ string }}) as model_version,
        {{ corridor.keyed_hash(c['entity_id']) if c['entity_id'] else 'cast(null as ' ~ string ~ ')' }} as entity_pseudonym,
        {%- for s in segments %}
        coalesce(cast({{ c['segment_' ~ s['dimension']] }} as {{ string }}), '(missing)') as segment_{{ s['dimension'] }},
        {%- endfor %}
        {%- for key, staged, expr in corridor.raw_columns('production_events', c) %}
        {{ expr }} as {{ staged }},
        {%- endfor %}
        {{ parsed['latency_ms'] or 'cast(null as ' ~ double ~ ')' }} as latency_ms,
        {{ parsed['predicted_score'] or 'cast(null as ' ~ double ~ ')' }} as predicted_score,
        {{ parsed['predicted_value'] or 'cast(null as ' ~ double ~ ')' }} as predicted_value,
        {{ parsed['predicted_class'] or 'cast(null as ' ~ int ~ ')' }} as predicted_class,
        {%- for f in features %}
        {%- if f['type'] == 'categorical' %}
        nullif(trim(cast({{ c['feature_' ~ f['feature']] }} as {{ string }})), '') as feature_{{ f['feature'] }},
        {%- else %}
        {{ corridor.try_cast(c['feature_' ~ f['feature']], double) }} as feature_{{ f['feature'] }},
        {%- endif %}
        {%- endfor %}
        coalesce({{ parsed['is_error'] or 'null' }}, false) as is_error,
        {#- only read with is_error_is_unparseable, which a boolean column never is (and its text is never a number) #}
        {{ corridor.is_number(c['is_error']) if c['is_error'] and parsed['is_error']
            and types.get('is_error', '').split('(')[0] not in typed_as['is_error'] else 'false' }} as is_error_is_number,
        {%- for key in ['event_id', 'model_id', 'model_version'] %}
        ({{ c[key] }} is null or trim(cast({{ c[key] }} as {{ string }})) = '') as {{ key }}_is_missing,
        {%- endfor %}
        {%- for key, expr in parsed.items() %}
        {%- set source_type = types.get(key, '') %}
        {%- set is_typed = (source_type.split('(')[0].split(' ')[0]) in typed_as[key] or (key in ['event_at', 'loaded_at']
            and source_type.startswith('timestamp')) %}
        {%- if expr is none %}
        true as {{ key }}_is_missing,
        false as {{ key }}_is_unparseable,
        {%- elif is_typed %}
        ({{ c[key] }} is null) as {{ key }}_is_missing,
        false as {{ key }}_is_unparseable,
        {%- else %}
        ({{ c[key] }} is null or trim(cast({{ c[key] }} as {{ string }})) = '') as {{ key }}_is_missing,
        ({{ c[key] }} is not null and trim(cast({{ c[key] }} as {{ string }})) <> '' and {{ expr }} is null) as {{ key }}_is_unparseable,
        {%- endif %}
        {%- endfor %}
        {{ parsed['event_at'] }} as event_at,
        {{ parsed['loaded_at'] or 'cast(null as ' ~ ts ~ ')' }} as loaded_at

    from source

)

select * from renamed
