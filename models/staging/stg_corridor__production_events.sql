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
{%- set c = corridor.resolve_input_columns(
    'production_events', relation, corridor.staged_extra_columns(corridor.segment_dimensions(), corridor.feature_columns()),
    'corridor_segment_columns / corridor_feature_columns') -%}
{%- set types = corridor.input_column_types('production_events', relation) -%}
{#- parsed expressions of the typed columns -#}
{%- set parsed = corridor.event_parsed_columns(c, types) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['event_id'] }} as {{ dbt.type_string() }}) as event_id,
        cast({{ c['model_id'] }} as {{ dbt.type_string() }}) as model_id,
        cast({{ c['model_version'] }} as {{ dbt.type_string() }}) as model_version,
        {{ corridor.keyed_hash(c['entity_id']) if c['entity_id'] else 'cast(null as ' ~ dbt.type_string() ~ ')' }} as entity_pseudonym,
        {{- corridor.staged_segment_columns(c, corridor.segment_dimensions()) }}
        {{- corridor.staged_raw_columns('production_events', c) }}
        {{ parsed['latency_ms'] or 'cast(null as ' ~ corridor.type_double() ~ ')' }} as latency_ms,
        {{ parsed['predicted_score'] or 'cast(null as ' ~ corridor.type_double() ~ ')' }} as predicted_score,
        {{ parsed['predicted_value'] or 'cast(null as ' ~ corridor.type_double() ~ ')' }} as predicted_value,
        {{ parsed['predicted_class'] or 'cast(null as ' ~ dbt.type_int() ~ ')' }} as predicted_class,
        {{- corridor.staged_feature_columns(c, corridor.feature_columns()) }}
        coalesce({{ parsed['is_error'] or 'null' }}, false) as is_error,
        {#- only read with is_error_is_unparseable, which a boolean column never is (and its text is never a number) #}
        {{ corridor.error_is_number(c['is_error'], parsed['is_error'], types.get('is_error', '')) }} as is_error_is_number,
        {{ corridor.is_blank(c['event_id']) }} as event_id_is_missing,
        {{ corridor.is_blank(c['model_id']) }} as model_id_is_missing,
        {{ corridor.is_blank(c['model_version']) }} as model_version_is_missing,
        {{- corridor.parse_flag_columns(c, parsed, types) }}
        {{ parsed['event_at'] }} as event_at,
        {{ parsed['loaded_at'] or 'cast(null as ' ~ dbt.type_timestamp() ~ ')' }} as loaded_at

    from source

)

select * from renamed
