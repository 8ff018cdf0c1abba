{#
    corridor.beta_quantile_query(source, key, p, a, b, iterations=10)
        A query of (beta_key, beta_quantile): x with I_x(a, b) = p for each
        row of `source` with 0 < p < 1 and a, b > 0, by Halley's method from
        the starting point of Numerical Recipes' invbetai (a Cornish-Fisher
        type normal approximation for a, b >= 1, the tail power laws
        otherwise). A fixed number of steps whatever a and b, each one CTE
        that reads the previous step once (corridor.beta_cdf_evaluation
        carries the step's columns through the CDF's expansion and group by),
        so the plan is a chain of `iterations` steps on every engine (Spark
        inlines CTEs: a step reading its predecessor three times made 3^10
        plan copies). A row stops moving once a step is below 1e-14 of
        min(x, 1 - x) (above x = 0.5 also once below 2.5e-16, about two
        units in the last place there); converged rows go through the later
        steps with one evaluation row each. The lgamma normalizations are
        computed once per row, not per step; lgamma(a + b) - lgamma(b) goes
        through corridor.lgamma_difference, so a + b up to 1e8 keeps 1e-8
        relative agreement with scipy.stats.beta.ppf (integration tests).
#}
{% macro beta_quantile_query(source, key, p, a, b, iterations=10) -%}
    {{ return(adapter.dispatch('beta_quantile_query', 'corridor')(source, key, p, a, b, iterations)) }}
{%- endmacro %}

{% macro default__beta_quantile_query(source, key, p, a, b, iterations) -%}
    {%- set double = corridor.type_double() -%}
    {%- set carry = ['p', 'a', 'b', 'x', 'log_norm', 'log_norm_direct', 'log_norm_flipped', 'is_converged'] -%}
    {#- Numerical Recipes (3rd ed., 6.14) starting point -#}
    {%- set pp = 'case when p < 0.5 then p else 1 - p end' -%}
    {%- set t = 'sqrt(-2 * ln(' ~ pp ~ '))' -%}
    {%- set z = '(case when p < 0.5 then -1 else 1 end) * ((2.30753 + ' ~ t ~ ' * 0.27061) / (1 + ' ~ t ~ ' * (0.99229 + ' ~ t ~ ' * 0.04481)) - ' ~ t ~ ')' -%}
    with

    beta_step_0 as (

        select
            beta_key,
            p,
            a,
            b,
            case
                when b >= a then {{ corridor.lgamma_difference('b', 'a') }} - {{ corridor.lgamma('a') }}
                else {{ corridor.lgamma_difference('a', 'b') }} - {{ corridor.lgamma('b') }}
            end as log_norm,
            {{ corridor.lgamma_difference('b', 'a') }} - {{ corridor.lgamma('a + 1') }} as log_norm_direct,
            {{ corridor.lgamma_difference('a', 'b') }} - {{ corridor.lgamma('b + 1') }} as log_norm_flipped,
            case
                when a >= 1 and b >= 1 then
                    a / (a + b * exp(2 * (
                        z * sqrt((z * z - 3) / 6 + 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))) / (2 / (1 / (2 * a - 1) + 1 / (2 * b - 1)))
                        - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * ((z * z - 3) / 6 + 5.0 / 6 - 2 / (3 * (2 / (1 / (2 * a - 1) + 1 / (2 * b - 1)))))
                    )))
                when p < (exp(a * ln_a) / a) / (exp(a * ln_a) / a + exp(b * ln_b) / b) then
                    exp(ln(a * (exp(a * ln_a) / a + exp(b * ln_b) / b) * p) / a)
                else 1 - exp(ln(b * (exp(a * ln_a) / a + exp(b * ln_b) / b) * (1 - p)) / b)
            end as x,
            false as is_converged
        from (
            select
                *,
                {{ z }} as z,
                ln(a / (a + b)) as ln_a,
                ln(b / (a + b)) as ln_b
            from (
                select
                    {{ key }} as beta_key,
                    cast({{ p }} as {{ double }}) as p,
                    cast({{ a }} as {{ double }}) as a,
                    cast({{ b }} as {{ double }}) as b
                from {{ source }}
                where {{ p }} > 0 and {{ p }} < 1 and {{ a }} > 0 and {{ b }} > 0
            ) as beta_inputs
        ) as beta_start_terms

    ),

    {%- for i in range(1, iterations + 1) %}

    beta_step_{{ i }} as (

        {{ corridor._beta_halley_step('beta_step_' ~ (i - 1), carry) }}

    ),

    {%- endfor %}

    beta_final as (

        select beta_key, x as beta_quantile from beta_step_{{ iterations }}

    )

    select * from beta_final
{%- endmacro %}

{#- one Halley step from the rows of `previous` (columns beta_key and `carry`): the CDF at x, then x moved by
    u / (1 - u f'/2f) with u = (F(x) - p) / f(x), kept inside (0, 1); rows converged (or at 0 or 1) stay -#}
{% macro _beta_halley_step(previous, carry) -%}
    select
        beta_key,
        p,
        a,
        b,
        log_norm,
        log_norm_direct,
        log_norm_flipped,
        case
            when not is_active then x
            when x - step <= 0 then 0.5 * x
            when x - step >= 1 then 0.5 * (x + 1)
            else x - step
        end as x,
        case
            when is_active then (abs(step) < 1e-14 * least(x, 1 - x) or (x > 0.5 and abs(step) < 2.5e-16))
            else is_converged
        end as is_converged
    from (
        select
            *,
            case when is_active then u / (1 - 0.5 * least(1.0, u * ((a - 1) / x - (b - 1) / (1 - x)))) end as step
        from (
            select
                *,
                case when is_active then (beta_cdf - p) / exp((a - 1) * ln(x) + (b - 1) * ln(1 - x) + log_norm) end as u
            from (
                select
                    *,
                    not is_converged and x > 0 and x < 1 as is_active
                from (
                    {{ corridor.beta_cdf_evaluation(
                        '(select *, case when not is_converged and x > 0 and x < 1 then x else 0 end as x_evaluated from '
                        ~ previous ~ ') as previous_step',
                        'beta_key', 'x_evaluated', 'a', 'b', carry,
                        log_norm_direct='log_norm_direct', log_norm_flipped='log_norm_flipped'
                    ) }}
                ) as evaluated
            ) as flagged
        ) as halley
    ) as moved
{%- endmacro %}
