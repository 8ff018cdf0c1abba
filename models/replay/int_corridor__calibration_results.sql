{#-
    The replayed validation results (int_corridor__replay_results) under each
    candidate setting of corridor.calibration_candidates(): one row per
    candidate × as_of × result. A breach is confirmed under a candidate when
    its q-value (the as_of's family) is within the candidate's FDR level,
    its deviation in the bad direction is at least tolerance_multiplier ×
    the warn threshold, and its sample is at least min_sample_multiplier ×
    the rule's minimum; consecutive_windows replaces the rule's own unless
    null. Statuses, p-values and q-values stay the replay's: a wider
    tolerance removes breaches, it does not turn them into passes.
-#}
{{ config(materialized='view') }}
{%- set passed = [
    'as_of', 'is_build_now', 'result_id', 'rule_id', 'rule_version', 'hypothesis', 'metric', 'comparison_kind',
    'direction', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain', 'window_start',
    'window_end', 'status', 'production_value', 'expected_source', 'expected_value', 'absolute_deviation',
    'relative_deviation', 'bad_deviation', 'q_value', 'reason', 'owner', 'escalation_path', 'severity', 'dbt_severity',
] -%}

with

results as (

    select * from {{ ref('int_corridor__replay_results') }}

),

candidates as (

    select * from {{ ref('int_corridor__calibration_candidates') }}

),

final as (

    select
        candidates.candidate_id,
        {%- for column in passed %}
        results.{{ column }},
        {%- endfor %}
        coalesce(candidates.consecutive_windows, results.consecutive_windows) as consecutive_windows,
        coalesce(
            results.is_breach
            and results.q_value <= candidates.fdr_level
            and (candidates.tolerance_multiplier = 1 or results.bad_deviation >= candidates.tolerance_multiplier * results.warn_threshold)
            and (candidates.min_sample_multiplier = 1 or results.sample_size >= candidates.min_sample_multiplier * results.min_sample_size),
            false
        ) as is_confirmed_breach

    from results
    cross join candidates

)

select * from final
