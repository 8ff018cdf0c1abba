{#
    corridor.overall_fallback_expectations(production, offline, rules,
    observations, check_keys): the overall-estimate fallback of segment
    checks (var corridor_segment_estimate_fallback, docs/validation.md).

    For every row of `production` (rule_id, rule_version, metric, model_id,
    model_version, segment_dimension, segment_value, window_start) on a
    segment (not `all`) of a non-seasonal rule of `rules` (rule_id,
    rule_version, window_grain, comparison_kind) that has no row in
    `offline` (the segment's own expectations, matched on check_keys), the
    overall (`all`) offline row of `observations` (corridor_metric_observations
    columns) for the same model version, metric, grain and window, keyed to
    the check's segment, with expected_source 'overall_fallback'. Its columns
    are those of `offline`, in its order.
#}
{% macro overall_fallback_expectations(production, offline, rules, observations, check_keys) -%}
    {{ return(adapter.dispatch('overall_fallback_expectations', 'corridor')(production, offline, rules, observations, check_keys)) }}
{%- endmacro %}

{% macro default__overall_fallback_expectations(production, offline, rules, observations, check_keys) -%}
    select
        {{ production }}.rule_id,
        {{ production }}.rule_version,
        {{ production }}.metric,
        {{ production }}.model_id,
        {{ production }}.model_version,
        {{ production }}.segment_dimension,
        {{ production }}.segment_value,
        overall.window_start,
        overall.window_end,
        overall.metric_value,
        overall.standard_error,
        overall.interval_lower,
        overall.interval_upper,
        overall.confidence_level,
        overall.sample_size,
        overall.estimate_id,
        'overall_fallback' as expected_source

    from {{ production }}
    inner join {{ rules }} as fallback_rules
        on {{ production }}.rule_id = fallback_rules.rule_id
        and {{ production }}.rule_version = fallback_rules.rule_version
    inner join {{ observations }} as overall
        on overall.source = 'offline'
        and overall.segment_dimension = 'all'
        and overall.model_id = {{ production }}.model_id
        and overall.model_version = {{ production }}.model_version
        and overall.metric = {{ production }}.metric
        and overall.window_grain = fallback_rules.window_grain
        and overall.window_start = {{ production }}.window_start
    left join {{ offline }} as own
        on {{ corridor.keys_equal(production, 'own', check_keys) }}
    where {{ production }}.segment_dimension <> 'all'
        and fallback_rules.comparison_kind <> 'seasonal'
        and own.rule_id is null
{%- endmacro %}
