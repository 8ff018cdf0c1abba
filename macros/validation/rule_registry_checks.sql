{#-
    corridor.rule_registry_checks(): the checks of the rules registry, a list
    of (problem code, condition, reason) over the columns of the rules CTE of
    int_corridor__rules_checked (stg_corridor__rules' columns with
    resolved_tolerance_unit, resolved_expected_source and
    versions_with_this_id): a rule version has the problem where the SQL
    condition holds, and the reason (SQL text) says why in words a rule
    author can act on. Checks the identity, metric (catalogued, mapped),
    comparison kind, direction, tolerance unit, window grain, segment,
    owner, tolerances, sample size, consecutive windows, power, severity,
    valid_from and expected source, then the label-free and drift rules'
    checks (corridor.label_free_rule_checks, corridor.drift_rule_checks) and
    the numbers' ranges (corridor.rule_number_checks). Rendered by
    corridor.rule_problem_rows.
-#}
{% macro rule_registry_checks() -%}
    {{ return(adapter.dispatch('rule_registry_checks', 'corridor')()) }}
{%- endmacro %}

{% macro default__rule_registry_checks() -%}
    {%- set catalogue = corridor.metric_catalogue() -%}
    {%- set unmapped = corridor.unmapped_metrics() -%}
    {%- set unmapped_cases = corridor.literal_when_branches('metric', unmapped) -%}
    {%- set vocabulary = corridor.rule_vocabulary() -%}
    {%- set grains = corridor.setting('corridor_window_grains') + (corridor.rolling_windows() | map(attribute='name') | list) -%}
    {%- set dimensions = corridor.segment_dimensions() | map(attribute='dimension') | list -%}
    {%- set severities = corridor.setting('corridor_severity_levels') -%}
    {%- set string = dbt.type_string() -%}
    {%- set bounded_metrics = corridor.catalogue_metric_names(catalogue, bounded=true) -%}
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
    {{ return(checks) }}
{%- endmacro %}
