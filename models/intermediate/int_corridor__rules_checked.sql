{#-
    The rules registry, checked. One row per rule version with every problem
    found in it (reason codes and readable reasons) and, for valid versions,
    the period it is in force: from its valid_from to the valid_from of the
    next valid version of the same rule (a newer version that is invalid is
    reported and does not take over). Tolerances are resolved to a unit
    (absolute, or relative to the expected value), and severities to dbt's
    error / warn through var corridor_severity_levels.
-#}
{%- set catalogue = corridor.metric_catalogue() -%}
{%- set unmapped = corridor.unmapped_metrics() -%}
{%- set unmapped_cases = corridor.literal_when_branches('metric', unmapped) -%}
{%- set vocabulary = corridor.rule_vocabulary() -%}
{%- set grains = corridor.setting('corridor_window_grains') + (corridor.rolling_windows() | map(attribute='name') | list) -%}
{%- set dimensions = corridor.segment_dimensions() | map(attribute='dimension') | list -%}
{%- set severities = corridor.setting('corridor_severity_levels') -%}
{%- set power = corridor.setting('corridor_power') -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set bounded_metrics = corridor.catalogue_metric_names(catalogue, bounded=true) -%}

with

rules as (

    select
        *,
        coalesce(
            tolerance_unit,
            case when comparison_kind in ('relative', 'seasonal') then 'relative' else 'absolute' end
        ) as resolved_tolerance_unit,
        coalesce(expected_source, 'offline') as resolved_expected_source,
        count(*) over (partition by rule_id, rule_version) as versions_with_this_id

    from {{ ref('stg_corridor__rules') }}

),

problems as (

    {%- set checks = [
        ['missing_rule_id', "rule_id is null or rule_id = ''", "'the rule has no rule_id'"],
        ['duplicate_rule_version', 'versions_with_this_id > 1',
            "'rule version ' || rule_version || ' appears ' || cast(versions_with_this_id as " ~ string ~ ") || ' times in the registry'"],
        ['unmapped_metric', 'metric in (' ~ corridor.sql_string_list((unmapped.keys() | list | sort) or ['']) ~ ')',
            "'metric ' || metric || ' reads the production-events column ' || case " ~ unmapped_cases
                ~ " end || ', which is not mapped (var corridor_production_events.columns): map it, or drop the rule'"],
        ['unknown_metric', "coalesce(comparison_kind, '') <> 'drift' and " ~ '(metric is null or metric not in ('
            ~ corridor.sql_string_list(catalogue.keys() | list | sort) ~ ')) and not coalesce(metric in ('
            ~ corridor.sql_string_list((unmapped.keys() | list | sort) or ['']) ~ '), false)',
            "'metric ' || coalesce('''' || metric || '''', 'null') || ' is not a corridor metric for a "
                ~ corridor.setting('corridor_model_type') ~ " model (known: " ~ (catalogue.keys() | list | sort | join(', ')) ~ ")'"],
        ['unknown_comparison_kind', 'comparison_kind is null or comparison_kind not in ('
            ~ corridor.sql_string_list(vocabulary['comparison_kind']) ~ ')',
            "'comparison_kind ' || coalesce('''' || comparison_kind || '''', 'null') || ' is not one of "
                ~ (vocabulary['comparison_kind'] | join(', ')) ~ "'"],
        ['unknown_direction', 'direction not in (' ~ corridor.sql_string_list(vocabulary['direction']) ~ ')',
            "'direction ''' || direction || ''' is not one of " ~ (vocabulary['direction'] | join(', ')) ~ "'"],
        ['unknown_tolerance_unit', 'resolved_tolerance_unit not in (' ~ corridor.sql_string_list(vocabulary['tolerance_unit']) ~ ')',
            "'tolerance_unit ''' || resolved_tolerance_unit || ''' is not absolute or relative'"],
        ['unknown_window_grain', 'window_grain not in (' ~ corridor.sql_string_list(grains) ~ ')',
            "'window_grain ''' || window_grain || ''' is not one of the configured grains (" ~ (grains | join(', ')) ~ ")'"],
        ['unknown_segment_dimension', "segment_dimension <> 'all'" ~ (' and segment_dimension not in ('
            ~ corridor.sql_string_list(dimensions) ~ ')' if dimensions else ''),
            "'segment_dimension ''' || segment_dimension || ''' is not a configured segment dimension ("
                ~ (dimensions | join(', ') or 'none configured') ~ ")'"],
        ['segment_value_without_dimension', "segment_dimension = 'all' and segment_value not in ('all', '*')",
            "'segment_value ''' || segment_value || ''' is given but segment_dimension is all'"],
        ['missing_owner', 'owner is null', "'the rule has no owner: every rule needs someone to act on its alerts'"],
        ['missing_tolerance', 'warn_tolerance is null or fail_tolerance is null',
            "'warn_tolerance and fail_tolerance must both be numbers'"],
        ['negative_tolerance', 'warn_tolerance < 0 or fail_tolerance < 0',
            "'tolerances must not be negative (they are distances in the bad direction)'"],
        ['warn_beyond_fail', 'warn_tolerance > fail_tolerance',
            "'warn_tolerance ' || cast(warn_tolerance as " ~ string ~ ") || ' exceeds fail_tolerance ' || cast(fail_tolerance as " ~ string
                ~ ") || ': a fail could never be preceded by a warn'"],
        ['zero_equivalence_margin', "comparison_kind = 'equivalence' and warn_tolerance <= 0",
            "'an equivalence margin of 0 can never be demonstrated: give a positive warn_tolerance'"],
        ['impossible_tolerance',
            "(resolved_tolerance_unit = 'absolute' and metric in (" ~ corridor.sql_string_list(bounded_metrics)
                ~ ") and fail_tolerance >= 1)"
            ~ " or (resolved_tolerance_unit = 'relative' and direction = 'higher_is_better' and fail_tolerance >= 1)",
            "'fail_tolerance ' || cast(fail_tolerance as " ~ string
                ~ ") || ' can never be exceeded for ' || metric || ' (' || resolved_tolerance_unit || ' tolerance): the "
                "rule could never fail'"],
        ['bad_min_sample_size', 'min_sample_size < 0', "'min_sample_size must be 0 or more'"],
        ['bad_consecutive_windows', 'consecutive_windows < 1', "'consecutive_windows must be 1 or more'"],
        ['bad_power', 'power <= 0 or power >= 1', "'power must lie strictly between 0 and 1'"],
        ['unknown_severity', 'severity is null or severity not in (' ~ corridor.sql_string_list(severities.keys() | list | sort) ~ ')',
            "'severity ' || coalesce('''' || severity || '''', 'null') || " ~ corridor.sql_string(' is not one of '
                ~ (severities.keys() | list | sort | join(', ')) ~ ' (var corridor_severity_levels)')],
        ['unparseable_valid_from', 'valid_from is null and valid_from_raw is not null',
            "'valid_from ''' || valid_from_raw || ''' is not a timestamp'"],
        ['unknown_expected_source', "resolved_expected_source not in ('offline', 'offline_mix_adjusted', 'offline_evaluation', "
            "'offline_feature_adjusted')",
            "'expected_source ''' || resolved_expected_source || ''' is not offline, offline_mix_adjusted, offline_evaluation or "
                "offline_feature_adjusted'"],
        ['mix_adjusted_segment_rule', "(resolved_expected_source = 'offline_mix_adjusted' and (segment_dimension <> 'all' or "
            "comparison_kind = 'seasonal')) or (resolved_expected_source = 'offline_feature_adjusted' and comparison_kind = 'seasonal')",
            "case when resolved_expected_source = 'offline_mix_adjusted' then 'expected_source offline_mix_adjusted reweights to "
                "production''s overall traffic: it applies to overall (all), non-seasonal rules only' else 'expected_source "
                "offline_feature_adjusted reweights to each window''s production: it applies to non-seasonal rules only' end"],
    ] + corridor.label_free_rule_checks() + corridor.drift_rule_checks('comparison_kind', 'metric', 'feature_name')
        + corridor.rule_number_checks(['warn_tolerance', 'fail_tolerance', 'min_sample_size', 'consecutive_windows', 'power'],
            [('min_sample_size', '1e15'), ('consecutive_windows', '1e6')]) -%}
    {%- for code, condition, reason in checks %}
    select
        rule_id,
        rule_version,
        {{ corridor.sql_string(code) }} as problem_code,
        {{ reason }} as problem

    from rules
    where {{ condition }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

problems_by_rule as (

    select
        rule_id,
        rule_version,
        count(*) as problem_count,
        {{ corridor.ordered_listagg('problem_code', "', '", 'order by problem_code') }} as problem_codes,
        {{ corridor.ordered_listagg('problem', "'; '", 'order by problem_code') }} as problems

    from problems
    group by 1, 2

),

checked as (

    select
        rules.*,
        problems_by_rule.problem_codes,
        problems_by_rule.problems,
        problems_by_rule.problem_count is null as is_valid,
        coalesce(rules.power, {{ power }}) as resolved_power,
        case rules.severity
            {%- for severity, level in severities.items() %}
            when {{ corridor.sql_string(severity) }} then {{ corridor.sql_string(level) }}
            {%- endfor %}
        end as dbt_severity

    from rules
    left join problems_by_rule
        on coalesce(rules.rule_id, '') = coalesce(problems_by_rule.rule_id, '')
        and rules.rule_version = problems_by_rule.rule_version

),

in_force as (

    select
        *,
        lead(valid_from) over (
            partition by rule_id
            order by
                coalesce(valid_from, cast('1900-01-01' as {{ dbt.type_timestamp() }})),
                {{ corridor.try_cast('rule_version', double) }}, rule_version
        ) as valid_to

    from checked
    where is_valid

),

final as (

    select
        checked.rule_id,
        checked.rule_version,
        checked.model_id,
        checked.hypothesis,
        checked.metric,
        checked.segment_dimension,
        checked.segment_value,
        checked.window_grain,
        checked.comparison_kind,
        checked.feature_name,
        checked.direction,
        checked.resolved_tolerance_unit as tolerance_unit,
        checked.warn_tolerance,
        checked.fail_tolerance,
        checked.min_sample_size,
        checked.consecutive_windows,
        checked.resolved_power as power,
        checked.resolved_expected_source as expected_source,
        checked.observation_source,
        checked.owner,
        checked.escalation_path,
        checked.severity,
        checked.dbt_severity,
        checked.valid_from,
        in_force.valid_to,
        checked.is_valid,
        checked.problem_codes,
        checked.problems

    from checked
    left join in_force
        on checked.rule_id = in_force.rule_id
        and checked.rule_version = in_force.rule_version

)

select * from final
