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
{%- if relation is none %}

{{ corridor.empty_offline_evaluation() }}
{%- else -%}
{%- set extra = corridor.staged_extra_columns(corridor.segment_dimensions(), corridor.feature_columns()) -%}
{%- set c = corridor.resolve_input_columns('offline_evaluation', relation, extra, 'corridor_segment_columns / corridor_feature_columns') %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{- corridor.staged_text_columns(c, corridor.offline_evaluation_staged_columns()['text']) }}
        {{- corridor.staged_segment_columns(c, corridor.segment_dimensions()) }}
        {{- corridor.staged_typed_columns(c, corridor.offline_evaluation_staged_columns()['typed']) }}
        {{- corridor.staged_feature_columns(c, corridor.feature_columns()) }}
        {{ corridor.json_object_text(corridor.raw_value_pairs('offline_evaluation', c, extra)) }} as raw_values

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
