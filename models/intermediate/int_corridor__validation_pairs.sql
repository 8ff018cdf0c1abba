{#-
    Each rule's production observations paired with its expectations: one row
    per valid rule version × model version × segment in the rule's scope ×
    window of the rule's grain inside the version's period in force, from a
    full outer join of the production windows (the complete grid, empty
    windows included) with the windows that have an offline estimate, so a
    window without production data or without an expectation becomes an
    explicit `missing` row downstream, never a silent gap. Seasonal rules get
    their expectation from the seasonal baseline in
    int_corridor__validation_deviations. Read by int_corridor__validation_deviations.
-#}
{%- set check_keys = ['rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_start'] -%}

with

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}
    where is_valid
        and comparison_kind <> 'drift'

),

observations as (

    select * from {{ ref('corridor_metric_observations') }}

),

{%- for side in ['production', 'offline'] %}

scoped_{{ side }} as (

    select
        rules.rule_id,
        rules.rule_version,
        observations.metric,
        observations.model_id,
        observations.model_version,
        observations.segment_dimension,
        observations.segment_value,
        observations.window_start,
        observations.window_end,
        observations.metric_value,
        observations.standard_error,
        observations.interval_lower,
        observations.interval_upper,
        observations.confidence_level,
        observations.sample_size,
        {%- if side == 'production' %}
        observations.method,
        observations.shift_reason,
        {%- endif %}
        observations.estimate_id{% if side == 'offline' %},
        case
            when observations.source <> 'offline' then observations.source
            when observations.segment_dimension = 'all' then 'overall'
            else 'segment'
        end as expected_source{% endif %}

    from rules
    inner join observations
        on rules.metric = observations.metric
        and rules.window_grain = observations.window_grain
        and (rules.model_id is null or rules.model_id = observations.model_id)
        and (
            (rules.segment_dimension = 'all' and observations.segment_dimension = 'all')
            or (rules.segment_dimension = observations.segment_dimension and rules.segment_value in ('*', observations.segment_value))
        )
        and (rules.valid_from is null or rules.valid_from <= observations.window_start)
        and (rules.valid_to is null or rules.valid_to > observations.window_start)
    where
        {%- if side == 'production' %}
        {#- a rule judges production observations, or the label-free estimate (rules.observation_source) #}
        observations.source = rules.observation_source
        {%- else %}
        {#- an offline side reads the rule's expected_source: offline, offline_mix_adjusted (docs/decisions.md), offline_evaluation or
            offline_feature_adjusted (docs/offline-evaluation.md) #}
        observations.source = rules.expected_source
        {%- endif %}
        {%- if side == 'offline' %}
        and rules.comparison_kind <> 'seasonal'
        {%- endif %}

),

{%- endfor %}

{# corridor_segment_estimate_fallback: the overall estimate for segment checks without their own #}
expectations as (

    select * from scoped_offline
    {%- if corridor.setting('corridor_segment_estimate_fallback') %}
    union all
    {{ corridor.overall_fallback_expectations('scoped_production', 'scoped_offline', 'rules', 'observations', check_keys) }}
    {%- endif %}

),

paired as {{ corridor.materialized_cte() }} (

    select
        coalesce(scoped_production.rule_id, expectations.rule_id) as rule_id,
        coalesce(scoped_production.rule_version, expectations.rule_version) as rule_version,
        coalesce(scoped_production.model_id, expectations.model_id) as model_id,
        coalesce(scoped_production.model_version, expectations.model_version) as model_version,
        coalesce(scoped_production.segment_dimension, expectations.segment_dimension) as segment_dimension,
        coalesce(scoped_production.segment_value, expectations.segment_value) as segment_value,
        coalesce(scoped_production.window_start, expectations.window_start) as window_start,
        coalesce(scoped_production.window_end, expectations.window_end) as window_end,
        scoped_production.metric_value as observed_value,
        {#-
            The production uncertainty the tests use: the larger of the stated
            standard error and the half-width of the production interval over
            its critical value (for rates the Wilson interval, which does not
            collapse to 0 at 0 % or 100 %); counts get their Poisson error.
         #}
        nullif(greatest(
            coalesce(scoped_production.standard_error, 0),
            coalesce(
                (scoped_production.interval_upper - scoped_production.interval_lower)
                / nullif(2 * {{ corridor.normal_quantile_sql('(1 - (1 - scoped_production.confidence_level) / 2)') }}, 0),
                0
            ),
            case
                when scoped_production.metric = 'request_count' then sqrt(scoped_production.metric_value)
                when scoped_production.metric = 'throughput_per_hour'
                    then sqrt(
                        scoped_production.metric_value
                        / ({{ dbt.datediff('scoped_production.window_start', 'scoped_production.window_end', 'hour') }})
                    )
                else 0
            end
        ), 0) as observed_se,
        scoped_production.method as observed_method,
        scoped_production.shift_reason as observed_shift_reason,
        scoped_production.interval_lower as observed_lower,
        scoped_production.interval_upper as observed_upper,
        scoped_production.confidence_level as observed_confidence_level,
        coalesce(scoped_production.sample_size, 0) as sample_size,
        expectations.metric_value as offline_value,
        expectations.standard_error as offline_se,
        expectations.interval_lower as offline_lower,
        expectations.interval_upper as offline_upper,
        expectations.estimate_id,
        expectations.expected_source as offline_source

    from scoped_production
    full outer join expectations
        on {{ corridor.keys_equal('scoped_production', 'expectations', check_keys) }}

)

select * from paired
