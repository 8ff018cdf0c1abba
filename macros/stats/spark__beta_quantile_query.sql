{#
    spark__beta_quantile_query: corridor.beta_quantile_query on Spark. The same Halley iteration from the same
    starting point as the default body (macros/stats/beta_quantile_query.sql), the same stopping rule per row, but
    the steps are a fold over the iteration count, `aggregate(sequence(1, iterations), state, (state, i) -> ...)`,
    each step evaluating I_x(a, b) with corridor._spark_beta_cdf_value (spark__beta_cdf_query.sql). The default's
    chain of CTEs, each step reading the previous one three times, reached Spark's optimizer as 3^10 copies of the
    plan (InlineCTE) and deep expressions ConstantFolding never finished; as a fold the plan is one projection
    whatever the number of steps.
#}
{% macro spark__beta_quantile_query(source, key, p, a, b, iterations) -%}
    {#- Numerical Recipes (3rd ed., 6.14) starting point, as in the default body -#}
    {%- set pp = 'case when p < 0.5 then p else 1 - p end' -%}
    {%- set t = 'sqrt(-2 * ln(' ~ pp ~ '))' -%}
    {%- set z = '(case when p < 0.5 then -1 else 1 end) * ((2.30753 + ' ~ t ~ ' * 0.27061) / (1 + ' ~ t ~ ' * (0.99229 + ' ~ t ~ ' * '
        '0.04481)) - ' ~ t ~ ')' -%}
    with

    beta_inputs as (

        select
            {{ key }} as beta_key,
            cast({{ p }} as double) as p,
            cast({{ a }} as double) as a,
            cast({{ b }} as double) as b
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

    beta_start as (

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
                        - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * ((z * z - 3) / 6 + 5.0D / 6 - 2 / (3 * (2 / (1 / (2 * a - 1) + 1 / (2 * b -
                            1)))))
                    )))
                when p < (exp(a * ln_a) / a) / (exp(a * ln_a) / a + exp(b * ln_b) / b) then
                    exp(ln(a * (exp(a * ln_a) / a + exp(b * ln_b) / b) * p) / a)
                else 1 - exp(ln(b * (exp(a * ln_a) / a + exp(b * ln_b) / b) * (1 - p)) / b)
            end as x
        from beta_start_terms

    ),

    beta_final as (

        select
            beta_key,
            aggregate(
                sequence(1, {{ iterations }}),
                named_struct('x', x, 'is_converged', false),
                (bq_s, bq_i) -> case
                    when bq_s.is_converged or not (bq_s.x > 0 and bq_s.x < 1) then bq_s
                    else transform(array(named_struct(
                        'x', bq_s.x,
                        'u', ({{ corridor._spark_beta_cdf_value('bq_s.x', 'a', 'b') }} - p)
                        / exp((a - 1) * ln(bq_s.x) + (b - 1) * ln(1 - bq_s.x) + log_norm)
                    )), bq_h ->
                        transform(array(named_struct(
                            'x', bq_h.x,
                            'step', bq_h.u / (1 - 0.5 * least(1.0D, bq_h.u * ((a - 1) / bq_h.x - (b - 1) / (1 - bq_h.x))))
                        )), bq_m -> named_struct(
                            'x', case
                                when bq_m.x - bq_m.step <= 0 then 0.5 * bq_m.x
                                when bq_m.x - bq_m.step >= 1 then 0.5 * (bq_m.x + 1)
                                else bq_m.x - bq_m.step
                            end,
                            'is_converged', abs(bq_m.step) < 1e-14 * least(bq_m.x, 1 - bq_m.x) or (bq_m.x > 0.5 and abs(bq_m.step) <
                                2.5e-16)
                        ))[0]
                    )[0]
                end,
                bq_s -> bq_s.x
            ) as beta_quantile
        from beta_start

    )

    select * from beta_final
{%- endmacro %}
