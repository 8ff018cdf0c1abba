{#-
    Per rule, the sources of the ground truth (int_corridor__ground_truth)
    its models have, as corridor_rule_calibration.ground_truth_sources
    shows them: known_incidents, post_mortem, acknowledgement (comma
    separated, in that order). A rule whose models have no ground truth has
    no row.
-#}
with

results as (

    select distinct
        rule_id,
        model_id

    from {{ ref('corridor_validation_results') }}

),

ground_truth as (

    select * from {{ ref('int_corridor__ground_truth') }}

),

flags as (

    select
        results.rule_id,
        max(case when ground_truth.ground_truth_source like '%known_incidents%' then 1 else 0 end) as from_known_incidents,
        max(case when ground_truth.ground_truth_source like '%post_mortem%' then 1 else 0 end) as from_post_mortem,
        max(case when ground_truth.ground_truth_source like '%acknowledgement%' then 1 else 0 end) as from_acknowledgement

    from results
    inner join ground_truth
        on results.model_id = ground_truth.model_id
    group by results.rule_id

),

final as (

    select
        rule_id,
        cast(substr(
            case when from_known_incidents = 1 then ', known_incidents' else '' end
            || case when from_post_mortem = 1 then ', post_mortem' else '' end
            || case when from_acknowledgement = 1 then ', acknowledgement' else '' end,
            3
        ) as {{ dbt.type_string() }}) as ground_truth_sources

    from flags

)

select * from final
