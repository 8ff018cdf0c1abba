{#
    The beta distribution in SQL, on every engine, without special functions
    beyond ln/exp (and lgamma, see corridor.lgamma).

    corridor.beta_quantile_query(source, key, p, a, b, iterations=10)
        A query of (key, beta_quantile): x with I_x(a, b) = p, by Halley's
        method from the starting point of Numerical Recipes' invbetai, each
        step evaluating the CDF with the series of corridor.beta_cdf_query; rows stop moving once a
        step is below 1e-14 of min(x, 1 - x) (above x = 0.5 also once below
        2.5e-16, about two units in the last place there). lgamma(a + b) - lgamma(b) goes
        through corridor.lgamma_difference, so a + b up to 1e8 keeps 1e-8. Verified against scipy.stats.beta.ppf.
        Each distinct (p, a, b) is solved once and joined back to every key asking for it: Clopper-Pearson and
        Bayesian bounds repeat the same counts across segments, grains and metrics (the integration project asks
        2,326 bounds of 182 distinct pairs), and on engines without the plugin's function every solve is a
        series of CDF evaluations in SQL. The distinct triples are keyed by corridor.group_key (a number; on
        Spark the triple itself, so no global sort).
#}

{% macro beta_quantile_query(source, key, p, a, b, iterations=10) -%}
    {%- set double = corridor.type_double() -%}
    with

    beta_requests as (

        select
            {{ key }} as request_key,
            cast({{ p }} as {{ double }}) as p,
            cast({{ a }} as {{ double }}) as a,
            cast({{ b }} as {{ double }}) as b
        from {{ source }}
        where {{ p }} > 0 and {{ p }} < 1 and {{ a }} > 0 and {{ b }} > 0

    ),

    beta_distinct as (

        select
            p,
            a,
            b,
            {{ corridor.group_key(['p', 'a', 'b']) }} as distinct_key
        from (select distinct p, a, b from beta_requests) as distinct_requests

    ),

    beta_distinct_quantiles as (

        {{ adapter.dispatch('beta_quantile_query', 'corridor')('beta_distinct', 'distinct_key', 'p', 'a', 'b', iterations) }}

    )

    select
        beta_requests.request_key as beta_key,
        beta_distinct_quantiles.beta_quantile
    from beta_requests
    inner join beta_distinct
        on beta_requests.p = beta_distinct.p
        and beta_requests.a = beta_distinct.a
        and beta_requests.b = beta_distinct.b
    inner join beta_distinct_quantiles
        on beta_distinct.distinct_key = beta_distinct_quantiles.beta_key
{%- endmacro %}

{% macro default__beta_quantile_query(source, key, p, a, b, iterations) -%}
    {%- set double = corridor.type_double() -%}
    {#- Numerical Recipes (3rd ed., 6.14) starting point -#}
    {%- set pp = 'case when p < 0.5 then p else 1 - p end' -%}
    {%- set t = 'sqrt(-2 * ln(' ~ pp ~ '))' -%}
    {%- set z = '(case when p < 0.5 then -1 else 1 end) * ((2.30753 + ' ~ t ~ ' * 0.27061) / (1 + ' ~ t ~ ' * (0.99229 + ' ~ t ~ ' * '
        '0.04481)) - ' ~ t ~ ')' -%}
    with

    beta_inputs as (

        select
            {{ key }} as beta_key,
            cast({{ p }} as {{ double }}) as p,
            cast({{ a }} as {{ double }}) as a,
            cast({{ b }} as {{ double }}) as b
        from {{ source }}
        where {{ p }} > 0 and {{ p }} < 1 and {{ a }} > 0 and {{ b }} > 0

    ),

    beta_start_terms as (

        select
            *,
            {{ z }} as z,
            ln(a / (a + b)) as ln_a,
            ln(b / (a + b)) as ln_b,
            case
                when b >= a then {{ corridor.lgamma_difference('b', 'a') }} - {{ corridor.lgamma('a') }}
                else {{ corridor.lgamma_difference('a', 'b') }} - {{ corridor.lgamma('b') }}
            end as log_norm
        from beta_inputs

    ),

    beta_step_0 as (

        select
            beta_key,
            p,
            a,
            b,
            log_norm,
            case
                when a >= 1 and b >= 1 then
                    a / (a + b * exp(2 * (
                        z * sqrt((z * z - 3) / 6 + 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))) / (2 / (1 / (2 * a - 1) + 1 / (2 * b - 1)))
                        - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * ((z * z - 3) / 6 + 5.0 / 6 - 2 / (3 * (2 / (1 / (2 * a - 1) + 1 / (2 * b -
                            1)))))
                    )))
                when p < (exp(a * ln_a) / a) / (exp(a * ln_a) / a + exp(b * ln_b) / b) then
                    exp(ln(a * (exp(a * ln_a) / a + exp(b * ln_b) / b) * p) / a)
                else 1 - exp(ln(b * (exp(a * ln_a) / a + exp(b * ln_b) / b) * (1 - p)) / b)
            end as x,
            false as is_converged
        from beta_start_terms

    ),

    {%- for i in range(1, iterations + 1) %}

    beta_cdf_{{ i }} as (

        {{ corridor.beta_cdf_query('(select * from beta_step_' ~ (i - 1) ~ ' where not is_converged and x > 0 and x < 1) as s', 'beta_key',
            'x', 'a', 'b') }}

    ),

    beta_halley_{{ i }} as (

        select
            s.*,
            (c.beta_cdf - s.p) / exp((s.a - 1) * ln(s.x) + (s.b - 1) * ln(1 - s.x) + s.log_norm) as u
        from beta_step_{{ i - 1 }} as s
        inner join beta_cdf_{{ i }} as c
            on s.beta_key = c.beta_key

    ),

    beta_move_{{ i }} as (

        select
            *,
            u / (1 - 0.5 * least(1.0, u * ((a - 1) / x - (b - 1) / (1 - x)))) as step
        from beta_halley_{{ i }}

    ),

    beta_step_{{ i }} as (

        select
            beta_key,
            p,
            a,
            b,
            log_norm,
            case
                when x - step <= 0 then 0.5 * x
                when x - step >= 1 then 0.5 * (x + 1)
                else x - step
            end as x,
            (abs(step) < 1e-14 * least(x, 1 - x) or (x > 0.5 and abs(step) < 2.5e-16)) as is_converged
        from beta_move_{{ i }}

        union all

        select * from beta_step_{{ i - 1 }}
        where is_converged or x <= 0 or x >= 1

    ),

    {%- endfor %}

    beta_final as (

        select beta_key, x as beta_quantile from beta_step_{{ iterations }}

    )

    select * from beta_final
{%- endmacro %}

{% macro duckdb__beta_quantile_query(source, key, p, a, b, iterations) -%}
    {%- if not corridor.duckdb_udfs_enabled() -%}
        {{ return(corridor.default__beta_quantile_query(source, key, p, a, b, iterations)) }}
    {%- endif -%}
    select
        {{ key }} as beta_key,
        corridor_beta_quantile(cast({{ p }} as double), cast({{ a }} as double), cast({{ b }} as double)) as beta_quantile
    from {{ source }}
    where {{ p }} > 0 and {{ p }} < 1 and {{ a }} > 0 and {{ b }} > 0
{%- endmacro %}
