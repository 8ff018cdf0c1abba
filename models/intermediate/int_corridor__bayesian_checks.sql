{#-
    Bayesian updating of the offline estimate with production evidence, for
    every rule (any comparison kind) on a rate or a mean, every window of its
    grain with production data and an offline estimate, and every model
    version (rules are not version-specific).

    rates (error_rate, label_maturity, slow_request_rate, accuracy, precision, recall):
      Beta-Binomial. Prior Beta(alpha0, beta0) with the offline value as mean
      and variance SE^2 / corridor_prior_strength (method of moments:
      alpha0 + beta0 = m (1 - m) / variance - 1); posterior
      Beta(alpha0 + k, beta0 + n - k). Credible bounds are beta quantiles,
      probabilities beta CDFs (corridor.beta_*_query).
    means (latency_mean, log_loss, brier_score, mae):
      Normal-Normal. Prior N(m, SE^2 / strength), likelihood N(mean, se^2)
      with se the production standard error; precision-weighted posterior.

    corridor_prior_strength (default 1) scales the prior's precision: 1 takes
    the offline estimate's stated uncertainty at face value, 0.5 halves its
    weight, 0 ignores it. Without a usable prior (no standard error, strength
    0, or a variance too large for a beta prior) the prior is flat
    (Beta(1, 1), or an improper flat normal), named in `method`.

    corridor_prior_max_events (default null: no cap) caps the prior's weight
    at that many production events, for when the offline estimate is far
    more precise than its transfer to production is certain (a backtest on
    a million rows says nothing about a shifted feature source): rates cap
    the prior concentration alpha0 + beta0 at N; means cap the prior
    precision at N / sigma^2, sigma^2 = n se^2 the per-event variance of the
    window's production data. prior_effective_events reports the weight used
    (alpha0 + beta0 for rates, 2 for the flat Beta(1, 1); prior precision
    times sigma^2 for means, 0 for the flat prior).

    prob_worse_than_warn / _fail: posterior probability that the production
    value lies beyond the offline value by more than the rule's warn / fail
    tolerance in the rule's direction (below for higher_is_better, above for
    lower_is_better, either side for two_sided). Tolerances are in the rule's
    resolved tolerance unit (int_corridor__rules_checked): absolute, or
    relative = a fraction of the offline value. Only valid rules count, and a
    rule scoped to a model_id applies to that model only; each rule version
    covers the windows of its period in force [valid_from, valid_to).

    The pairs come from int_corridor__bayesian_check_pairs and the rates'
    posteriors from int_corridor__bayesian_rate_posteriors: ephemeral models
    compiled into this one (no tables of their own), so a run of this model
    alone recomputes everything with that run's settings.
-#}
{{ config(pre_hook=corridor.set_based_series_hooks()) }}
{%- set strength = corridor.setting('corridor_prior_strength') -%}
{%- set max_events = corridor.setting('corridor_prior_max_events') -%}

with

checks as (

    {#- each valid rule's windows with production data and an offline estimate, rates and means -#}
    select * from {{ ref('int_corridor__bayesian_check_pairs') }}

),

rate_results as (

    {#- the Beta-Binomial posteriors of the rates, their credible bounds and tail probabilities -#}
    select * from {{ ref('int_corridor__bayesian_rate_posteriors') }}

),

mean_posteriors as (

    select
        *,
        case
            when {{ strength }} > 0 and prior_standard_error > 0
                then {% if max_events is not none %}least(
                    {{ max_events }} / (n * production_standard_error * production_standard_error), {% endif -%}
                {{ strength }} / (prior_standard_error * prior_standard_error){% if max_events is not none %}){% endif %}
            else 0.0
        end as prior_precision,
        1.0 / (production_standard_error * production_standard_error) as data_precision

    from checks
    where metric_kind = 'mean'
        and production_standard_error > 0

),

mean_parameters as (

    select
        *,
        case when prior_precision > 0 then 'normal_normal' else 'normal_normal_flat_prior' end as method,
        (prior_precision * expected_value + data_precision * production_value) / (prior_precision + data_precision) as posterior_mean,
        1.0 / sqrt(prior_precision + data_precision) as posterior_sd

    from mean_posteriors

),

mean_results as (

    select
        rule_id,
        rule_version,
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_grain,
        method,
        direction,
        comparison_kind,
        expected_value,
        case when prior_precision > 0 then expected_value end as prior_mean,
        case when prior_precision > 0 then 1.0 / sqrt(prior_precision) end as prior_sd,
        cast(null as {{ corridor.type_double() }}) as prior_alpha,
        cast(null as {{ corridor.type_double() }}) as prior_beta,
        prior_precision * production_standard_error * production_standard_error * n as prior_effective_events,
        production_value,
        n as sample_size,
        cast(null as {{ corridor.type_double() }}) as posterior_alpha,
        cast(null as {{ corridor.type_double() }}) as posterior_beta,
        posterior_mean,
        posterior_sd,
        posterior_mean - {{ corridor.confidence_z() }} * posterior_sd as credible_lower,
        posterior_mean + {{ corridor.confidence_z() }} * posterior_sd as credible_upper,
        {{ corridor.standard_normal_cdf('(expected_value - warn_margin - posterior_mean) / posterior_sd') }} as warn_below,
        1 - {{ corridor.standard_normal_cdf('(expected_value + warn_margin - posterior_mean) / posterior_sd') }} as warn_above,
        {{ corridor.standard_normal_cdf('(expected_value - fail_margin - posterior_mean) / posterior_sd') }} as fail_below,
        1 - {{ corridor.standard_normal_cdf('(expected_value + fail_margin - posterior_mean) / posterior_sd') }} as fail_above,
        warn_margin,
        fail_margin,
        window_start

    from mean_parameters

),

unioned as (

    select * from rate_results
    union all
    select * from mean_results

),

final as (

    select
        cast(rule_id as {{ dbt.type_string() }}) as rule_id,
        cast(rule_version as {{ dbt.type_string() }}) as rule_version,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(metric as {{ dbt.type_string() }}) as metric,
        cast(segment_dimension as {{ dbt.type_string() }}) as segment_dimension,
        cast(segment_value as {{ dbt.type_string() }}) as segment_value,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(method as {{ dbt.type_string() }}) as method,
        cast(direction as {{ dbt.type_string() }}) as direction,
        cast(comparison_kind as {{ dbt.type_string() }}) as comparison_kind,
        cast(expected_value as {{ corridor.type_double() }}) as expected_value,
        cast(prior_mean as {{ corridor.type_double() }}) as prior_mean,
        cast(prior_sd as {{ corridor.type_double() }}) as prior_sd,
        cast(prior_alpha as {{ corridor.type_double() }}) as prior_alpha,
        cast(prior_beta as {{ corridor.type_double() }}) as prior_beta,
        cast(prior_effective_events as {{ corridor.type_double() }}) as prior_effective_events,
        cast(production_value as {{ corridor.type_double() }}) as production_value,
        cast(sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast(posterior_alpha as {{ corridor.type_double() }}) as posterior_alpha,
        cast(posterior_beta as {{ corridor.type_double() }}) as posterior_beta,
        cast(posterior_mean as {{ corridor.type_double() }}) as posterior_mean,
        cast(posterior_sd as {{ corridor.type_double() }}) as posterior_sd,
        cast(credible_lower as {{ corridor.type_double() }}) as credible_lower,
        cast(credible_upper as {{ corridor.type_double() }}) as credible_upper,
        cast({{ corridor.setting('corridor_confidence_level') }} as {{ corridor.type_double() }}) as credible_level,
        cast(warn_margin as {{ corridor.type_double() }}) as warn_margin,
        cast(fail_margin as {{ corridor.type_double() }}) as fail_margin,
        cast(case
            when warn_margin is null then null
            when direction = 'higher_is_better' then warn_below
            when direction = 'lower_is_better' then warn_above
            else warn_below + warn_above
        end as {{ corridor.type_double() }}) as prob_worse_than_warn,
        cast(case
            when fail_margin is null then null
            when direction = 'higher_is_better' then fail_below
            when direction = 'lower_is_better' then fail_above
            else fail_below + fail_above
        end as {{ corridor.type_double() }}) as prob_worse_than_fail,
        window_start

    from unioned

)

select * from final
