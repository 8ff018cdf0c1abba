{#-
    Beta-Binomial posteriors of the rate pairs (int_corridor__bayesian_check_pairs,
    metric_kind = 'rate'): prior Beta(alpha0, beta0) with the offline value as
    mean and variance SE^2 / corridor_prior_strength (method of moments:
    alpha0 + beta0 = m (1 - m) / variance - 1), capped at
    corridor_prior_max_events; posterior Beta(alpha0 + k, beta0 + n - k).
    Credible bounds are beta quantiles, the probabilities beyond the warn and
    fail margins beta CDFs (corridor.beta_quantile_query, corridor.beta_cdf_query).
    Without a usable prior the prior is flat Beta(1, 1), named in `method`.

    Ephemeral: compiled into int_corridor__bayesian_checks (no table of its
    own), so a run of that model alone recomputes the posteriors with the
    settings of that run, and its SQL and rows are what they were as one file.
-#}
{{ config(materialized='ephemeral') }}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set strength = corridor.setting('corridor_prior_strength') -%}
{%- set max_events = corridor.setting('corridor_prior_max_events') -%}

with

rate_checks as (

    select * from {{ ref('int_corridor__bayesian_check_pairs') }}
    where metric_kind = 'rate'

),

rate_priors as (

    select
        *,
        least(greatest(expected_value, 1e-9), 1 - 1e-9) as prior_mean_clamped,
        case
            when {{ strength }} > 0 and prior_standard_error > 0
                then {% if max_events is not none %}least({{ max_events }}, {% endif -%}
                least(greatest(expected_value, 1e-9), 1 - 1e-9) * (1 - least(greatest(expected_value, 1e-9), 1 - 1e-9))
                / (prior_standard_error * prior_standard_error / {{ strength }}) - 1{% if max_events is not none %}){% endif %}
        end as prior_concentration

    from rate_checks

),

rate_posteriors as (

    select
        *,
        case when prior_concentration > 0 then 'beta_binomial' else 'beta_binomial_flat_prior' end as method,
        case when prior_concentration > 0 then prior_mean_clamped * prior_concentration else 1.0 end as prior_alpha,
        case when prior_concentration > 0 then (1 - prior_mean_clamped) * prior_concentration else 1.0 end as prior_beta

    from rate_priors

),

rate_parameters as (

    select
        *,
        prior_alpha + k as posterior_alpha,
        prior_beta + n - k as posterior_beta

    from rate_posteriors

),

rate_quantile_inputs as (

    select
        {{ dbt.concat(['check_key', "'|lower'"]) }} as q_key,
        {{ (1 - level) / 2 }} as p,
        posterior_alpha as a,
        posterior_beta as b
    from rate_parameters
    union all
    select
        {{ dbt.concat(['check_key', "'|upper'"]) }} as q_key,
        {{ (1 + level) / 2 }} as p,
        posterior_alpha as a,
        posterior_beta as b
    from rate_parameters

),

rate_quantiles as (

    {{ corridor.beta_quantile_query('rate_quantile_inputs', 'q_key', 'p', 'a', 'b') }}

),

rate_cdf_inputs as (

    {%- for bound in ['warn', 'fail'] %}
    {%- for side, sign in [('low', '-'), ('high', '+')] %}
    select
        {{ dbt.concat(['check_key', "'|" ~ bound ~ "_" ~ side ~ "'"]) }} as c_key,
        expected_value {{ sign }} {{ bound }}_margin as x,
        posterior_alpha as a,
        posterior_beta as b
    from rate_parameters
    where {{ bound }}_margin is not null
    {{ 'union all' if not (loop.last and bound == 'fail') }}
    {%- endfor %}
    {%- endfor %}

),

rate_cdfs as (

    {{ corridor.beta_cdf_query('rate_cdf_inputs', 'c_key', 'x', 'a', 'b') }}

),

rate_results as (

    select
        p.rule_id,
        p.rule_version,
        p.model_id,
        p.model_version,
        p.metric,
        p.segment_dimension,
        p.segment_value,
        p.window_grain,
        p.method,
        p.direction,
        p.comparison_kind,
        p.expected_value,
        p.prior_alpha / (p.prior_alpha + p.prior_beta) as prior_mean,
        sqrt(p.prior_alpha * p.prior_beta / (
            (p.prior_alpha + p.prior_beta) * (p.prior_alpha + p.prior_beta)
            * (p.prior_alpha + p.prior_beta + 1)
        )) as prior_sd,
        p.prior_alpha,
        p.prior_beta,
        p.prior_alpha + p.prior_beta as prior_effective_events,
        p.production_value,
        p.n as sample_size,
        p.posterior_alpha,
        p.posterior_beta,
        p.posterior_alpha / (p.posterior_alpha + p.posterior_beta) as posterior_mean,
        sqrt(p.posterior_alpha * p.posterior_beta / (
            (p.posterior_alpha + p.posterior_beta) * (p.posterior_alpha + p.posterior_beta)
            * (p.posterior_alpha + p.posterior_beta + 1)
        )) as posterior_sd,
        lower_q.beta_quantile as credible_lower,
        upper_q.beta_quantile as credible_upper,
        warn_low.beta_cdf as warn_below,
        1 - warn_high.beta_cdf as warn_above,
        fail_low.beta_cdf as fail_below,
        1 - fail_high.beta_cdf as fail_above,
        p.warn_margin,
        p.fail_margin,
        p.window_start

    from rate_parameters as p
    left join rate_quantiles as lower_q on {{ dbt.concat(['p.check_key', "'|lower'"]) }} = lower_q.beta_key
    left join rate_quantiles as upper_q on {{ dbt.concat(['p.check_key', "'|upper'"]) }} = upper_q.beta_key
    left join rate_cdfs as warn_low on {{ dbt.concat(['p.check_key', "'|warn_low'"]) }} = warn_low.beta_key
    left join rate_cdfs as warn_high on {{ dbt.concat(['p.check_key', "'|warn_high'"]) }} = warn_high.beta_key
    left join rate_cdfs as fail_low on {{ dbt.concat(['p.check_key', "'|fail_low'"]) }} = fail_low.beta_key
    left join rate_cdfs as fail_high on {{ dbt.concat(['p.check_key', "'|fail_high'"]) }} = fail_high.beta_key

)

select * from rate_results
