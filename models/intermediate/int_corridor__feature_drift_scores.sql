{#-
    One drift score per row of corridor_feature_drift, comparable across
    features of both types and across window sizes: the Jensen-Shannon
    distance (base 2) with its sampling noise removed,
    sqrt(max(JS^2 - (bins - 1) / (8 ln 2 en), 0)), en = n m / (n + m), where
    (bins - 1) / (8 ln 2 en) is the expected squared distance of two samples
    of the same distribution (docs/drift.md). Zero for a window whose drift
    is within its noise; null without a reference. The score drift and
    performance are ranked by (int_corridor__alert_feature_drift,
    corridor_drift_performance_ranking).
-#}

with

drift as (

    select * from {{ ref('corridor_feature_drift') }}

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        feature_name,
        feature_type,
        n_values,
        n_reference,
        jensen_shannon,
        case
            when has_reference and n_values > 0 and n_reference > 0 and jensen_shannon is not null
                then sqrt(greatest(
                    jensen_shannon * jensen_shannon
                    - cast(n_bins - 1 as {{ corridor.type_double() }}) * (n_values + n_reference)
                    / (8 * ln(2) * cast(n_values as {{ corridor.type_double() }}) * n_reference),
                    0
                ))
        end as drift_score

    from drift

)

select * from final
