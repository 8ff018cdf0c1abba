{#-
    What to do about each model version, this run: one row per model
    version, decided from its deciding rules (severity in
    corridor_decision_severities) by int_corridor__decision_rule_states, in
    this order:
      rollback          a deciding rule has failed (confirmed, data gates
                        passing) for N consecutive windows and has not passed
                        N consecutive windows since (the latch: hysteresis);
      investigate_data  a deciding rule's canary windows are blocked by
                        failing data-quality gates: fix the data first;
      promote           the version has served the canary period and every
                        deciding rule passed at least N windows in it per
                        segment, with no warn or fail;
      hold              otherwise, with the evidence still missing and roughly
                        how much more traffic would settle it.
    rollback_to_version is the latest earlier version of the model that
    stood at promote at some decision point (the end of a day it served, or
    the start of a later version) before this version started serving
    (docs/decisions.md).
-#}
{%- set n = corridor.setting('corridor_decision_windows') -%}
{%- set string = dbt.type_string() -%}
{%- set double = corridor.type_double() -%}

with

states as (

    select
        *,
        decisive_fail_last_window is not null and cleared_by_pass_through is null as is_latched,
        canary_passes >= {{ n }} and canary_breaches = 0 and canary_blocked = 0 as is_settled_pass,
        rule_id || ' ' || case when segment_dimension = 'all' then 'overall' else segment_dimension || '=' || segment_value end
        || ' (' || window_grain || ')' as rule_label

    from {{ ref('int_corridor__decision_rule_states') }}

),

by_version as (

    select
        cutoff_at,
        model_id,
        model_version,
        max(case when is_current then 1 else 0 end) = 1 as is_current,
        min(first_window_start) as first_window_start,
        count(*) as deciding_checks,
        sum(case when is_latched then 1 else 0 end) as latched_rules,
        sum(case when canary_blocked > 0 then 1 else 0 end) as blocked_rules,
        sum(case when is_settled_pass then 0 else 1 end) as unsettled_rules,
        {{ corridor.ordered_listagg(
            "case when is_latched then rule_label || ' failed ' || cast(decisive_fail_windows as " ~ string
                ~ ") || ' consecutive windows to ' || cast(decisive_fail_last_window as " ~ string ~ ") end",
            "'; '", 'order by rule_label') }} as rollback_reasons,
        {{ corridor.ordered_listagg("case when is_latched then fail_result_ids end", "','", 'order by rule_label') }}
            as rollback_result_ids,
        {{ corridor.ordered_listagg(
            "case when is_latched and coalesce(passes_since_fail, 0) > 0 then rule_label || ': ' || cast(passes_since_fail as " ~ string
                ~ ") || ' passing window(s) since, " ~ n ~ " needed to clear' end",
            "'; '", 'order by rule_label') }} as hysteresis_notes,
        {{ corridor.ordered_listagg(
            "case when canary_blocked > 0 then rule_label || ' blocked in ' || cast(canary_blocked as " ~ string
                ~ ") || ' canary window(s)' end",
            "'; '", 'order by rule_label') }} as blocked_reasons,
        {{ corridor.ordered_listagg("case when canary_blocked > 0 then blocked_result_ids end", "','", 'order by rule_label') }}
            as blocked_result_ids,
        {{ corridor.ordered_listagg("pass_result_ids", "','", 'order by rule_label') }} as pass_result_ids,
        {{ corridor.ordered_listagg(
            "case when not is_settled_pass then rule_label || ': ' || cast(canary_passes as " ~ string ~ ") || ' passing window(s), "
                ~ n ~ " needed'"
            ~ " || case when canary_breaches > 0 then ', ' || cast(canary_breaches as " ~ string
                ~ ") || ' warn/fail (none allowed)' else '' end"
            ~ " || case when canary_inconclusive > 0 then ', ' || cast(canary_inconclusive as " ~ string ~ ") || ' inconclusive (about '"
            ~ " || " ~ corridor.format_number('traffic_factor') ~ " || 'x the traffic per window, ~' || "
            ~ corridor.format_number('inconclusive_sample_size * (traffic_factor - 1)')
                ~ " || ' more events, would settle it)' else '' end end",
            "'; '", 'order by rule_label') }} as missing_evidence,
        max(case when not is_settled_pass then traffic_factor end) as traffic_factor

    from states
    group by cutoff_at, model_id, model_version

),

decided as (

    select
        *,
        {{ corridor.canary_served('first_window_start', 'cutoff_at') }} as has_served_canary,
        case
            when latched_rules > 0 then 'rollback'
            when blocked_rules > 0 then 'investigate_data'
            when {{ corridor.canary_served('first_window_start', 'cutoff_at') }} and unsettled_rules = 0 then 'promote'
            else 'hold'
        end as decision

    from by_version

),

promoted_before as (

    {# for each version: the latest earlier version that stood at promote when a later one started serving #}
    select
        current_version.model_id,
        current_version.model_version,
        earlier.model_version as rollback_to_version,
        row_number() over (
            partition by current_version.model_id, current_version.model_version
            order by earlier.first_window_start desc, earlier.model_version desc, earlier.cutoff_at desc
        ) as recency

    from decided as current_version
    inner join decided as earlier
        on current_version.model_id = earlier.model_id
        and current_version.model_version <> earlier.model_version
        and current_version.first_window_start > earlier.first_window_start
        and current_version.first_window_start >= earlier.cutoff_at
        and earlier.decision = 'promote'
    where current_version.is_current

),

final as (

    select
        {{ dbt.hash(dbt.concat(['decided.model_id', "'|'", 'decided.model_version'])) }} as decision_id,
        cast(decided.model_id as {{ string }}) as model_id,
        cast(decided.model_version as {{ string }}) as model_version,
        cast(decided.decision as {{ string }}) as decision,
        cast(
            case decided.decision
                when 'rollback' then decided.rollback_reasons
                when 'investigate_data' then decided.blocked_reasons
                when 'promote' then '{{ corridor.promote_reason() }}'
                else coalesce(
                        case when not decided.has_served_canary
                                then 'canary period not complete ('
                                || cast({{ dbt.datediff(
                                'decided.first_window_start', 'decided.cutoff_at', 'hour'
                            ) }} as {{ string }})
                                || ' of {{ corridor.setting('corridor_decision_canary_hours') }} h served)'
                        end,
                        decided.missing_evidence
                    )
            end as {{ string }}
        ) as decision_reason,
        cast(case when decided.decision = 'hold' then decided.missing_evidence end as {{ string }}) as missing_evidence,
        cast(
            case decided.decision
                when 'rollback' then decided.rollback_result_ids
                when 'investigate_data' then decided.blocked_result_ids
                when 'promote' then decided.pass_result_ids
            end as {{ string }}
        ) as evidence_result_ids,
        cast(decided.hysteresis_notes as {{ string }}) as hysteresis,
        cast(case when decided.decision = 'rollback' then promoted_before.rollback_to_version end as {{ string }}) as rollback_to_version,
        cast(case when decided.decision = 'hold' then decided.traffic_factor end as {{ double }}) as traffic_factor_to_settle,
        cast(decided.deciding_checks as {{ dbt.type_bigint() }}) as deciding_rule_segments,
        cast(decided.first_window_start as {{ dbt.type_timestamp() }}) as first_window_start,
        cast(decided.cutoff_at as {{ dbt.type_timestamp() }}) as evidence_through

    from decided
    left join promoted_before
        on decided.model_id = promoted_before.model_id
        and decided.model_version = promoted_before.model_version
        and promoted_before.recency = 1
    where decided.is_current

)

select * from final
