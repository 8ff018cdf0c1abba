{#-
    The pairs int_corridor__bayesian_checks updates: every valid rule (any
    comparison kind) on a rate or a mean, with each window of its grain that
    has production data and an offline estimate, for every model version
    (rules are not version-specific), with the counts and tolerance margins
    the posteriors need. Tolerances are in the rule's resolved tolerance unit
    (int_corridor__rules_checked): absolute, or relative = a fraction of the
    offline value. Only valid rules count, and a rule scoped to a model_id
    applies to that model only; each rule version covers the windows of its
    period in force [valid_from, valid_to).

    Ephemeral: compiled into int_corridor__bayesian_checks (no table of its
    own), so that model's SQL and rows are what they were as one file.
-#}
{{ config(materialized='ephemeral') }}
{%- set rates = ['error_rate', 'label_maturity', 'slow_request_rate', 'accuracy', 'precision', 'recall'] -%}
{%- set means = ['latency_mean', 'log_loss', 'brier_score', 'mae'] -%}

with

rules as (

    {#- valid rules only, with their tolerance unit resolved and the period each version is in force
        (int_corridor__rules_checked) -#}
    select * from {{ ref('int_corridor__rules_checked') }}
    where is_valid

),

production as (

    select * from {{ ref('int_corridor__production_metrics') }}
    where metric in ('{{ (rates + means) | join("', '") }}')
        and sample_size > 0
        and metric_value is not null

),

offline as (

    select * from {{ ref('int_corridor__offline_estimates_aligned') }}

),

checks as (

    select
        rules.rule_id,
        rules.rule_version,
        production.model_id,
        production.model_version,
        production.metric,
        production.segment_dimension,
        production.segment_value,
        production.window_grain,
        rules.comparison_kind,
        rules.direction,
        case
            when production.metric in ('{{ rates | join("', '") }}') then 'rate'
            else 'mean'
        end as metric_kind,
        offline.expected_value,
        offline.standard_error as prior_standard_error,
        production.metric_value as production_value,
        production.standard_error as production_standard_error,
        cast(production.sample_size as {{ corridor.type_double() }}) as n,
        cast(round(production.metric_value * production.sample_size) as {{ corridor.type_double() }}) as k,
        abs(rules.warn_tolerance * case when rules.tolerance_unit = 'relative' then offline.expected_value else 1 end) as warn_margin,
        abs(rules.fail_tolerance * case when rules.tolerance_unit = 'relative' then offline.expected_value else 1 end) as fail_margin,
        production.window_start,
        {{ dbt.concat([
            'rules.rule_id', "'|'", 'rules.rule_version', "'|'", 'production.model_id', "'|'", 'production.model_version', "'|'",
            'production.metric', "'|'", 'production.segment_dimension', "'|'", 'production.segment_value', "'|'",
            'production.window_grain', "'|'", dbt.cast('production.window_start', dbt.type_string())
        ]) }} as check_key

    from rules
    inner join production
        on rules.metric = production.metric
        and rules.window_grain = production.window_grain
        and (
            (rules.segment_dimension = 'all' and production.segment_dimension = 'all')
            or (
                rules.segment_dimension = production.segment_dimension
                and (rules.segment_value in ('*', 'all') or rules.segment_value = production.segment_value)
            )
        )
        and (rules.model_id is null or rules.model_id = production.model_id)
        and (rules.valid_from is null or rules.valid_from <= production.window_start)
        and (rules.valid_to is null or rules.valid_to > production.window_start)
    inner join offline
        on {{ corridor.keys_equal('production', 'offline', [
            'model_id', 'model_version', 'metric', 'segment_dimension', 'segment_value', 'window_grain', 'window_start'
        ]) }}
    where offline.expected_value is not null

)

select * from checks
