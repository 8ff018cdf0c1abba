{#-
    Every row of the offline evaluation input (stg_corridor__offline_evaluation),
    one row per row read, with the reason codes of
    corridor.offline_evaluation_rejection_reasons plus duplicate_row_id for
    every copy of a (model version, evaluation id, row id) beyond the first
    (empty: accepted). corridor_quarantine lists the rejected rows and
    int_corridor__input_accounting counts both. Accepted rows carry what the
    metrics read: the prediction in production's shape (binary classifier:
    the score, and the class given or the score at
    corridor_classification_threshold, as int_corridor__events_enriched
    does; regression: the predicted value as predicted_score), the weight
    (1 when unmapped) and the label metric terms (corridor.label_metric_terms).
-#}
{%- set model_type = corridor.setting('corridor_model_type') -%}

with

rows_read as (

    select * from {{ ref('stg_corridor__offline_evaluation') }}

),

flagged as (

    select
        *,
        {{ corridor.reason_codes(corridor.offline_evaluation_rejection_reasons()) }} as row_reason_codes,
        case
            when row_id is not null
                then row_number() over (
                    partition by model_id, model_version, evaluation_id, row_id
                    order by
                        case when {{ corridor.any_reason(corridor.offline_evaluation_rejection_reasons()) }} then 1 else 0 end,
                        record_key
                )
            else 1
        end as row_copy

    from rows_read

),

coded as (

    select
        *,
        {{ dbt.concat([
            'row_reason_codes',
            "case when row_copy > 1 then case when row_reason_codes = '' then '' else ',' end || 'duplicate_row_id' else '' end"
        ]) }} as reason_codes

    from flagged

),

final as (

    select
        record_key,
        cast(evaluation_id as {{ dbt.type_string() }}) as evaluation_id,
        cast(row_id as {{ dbt.type_string() }}) as row_id,
        model_id,
        model_version,
        {{ corridor.select_columns(corridor.segment_column_names(corridor.segment_dimensions())) }}
        {{ corridor.select_columns(corridor.feature_column_names(corridor.feature_columns())) }}
        {{ corridor.offline_evaluation_predictions(model_type) }}
        label,
        coalesce(weight, 1.0) as weight,
        true as is_evaluable,
        {{ corridor.label_metric_terms(model_type,
            'predicted_score' if model_type == 'binary_classifier' else 'predicted_value', 'label') }},
        raw_values,
        reason_codes,
        coalesce(reason_codes, '') = '' as is_accepted

    from coded

)

select * from final
