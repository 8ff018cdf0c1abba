{#
    corridor.beta_cdf_evaluation(source, key, x, a, b, carry=[], log_norm_direct=none, log_norm_flipped=none)
        The kernel of corridor.beta_cdf_query and of each step of
        corridor.beta_quantile_query: a query of (beta_key, the `carry`
        columns of `source`, beta_cdf) with the regularized incomplete beta
        function I_x(a, b) for every row of `source` whose x is not null and
        a, b > 0 (x <= 0 gives 0, x >= 1 gives 1). It reads `source` once, so
        a chain of steps stays a chain (Spark inlines every CTE: a step that
        read its predecessor several times would multiply the plan).

        Each row takes one of two paths, both expanded by one join:
        - the positive series (DLMF 8.17.8 with the hypergeometric function
          written out)
              I_x(a, b) = sum_j exp((a + j) ln x + b ln(1 - x)
                                    + lgamma(a + b + j) - lgamma(b) - lgamma(a + j + 1)),
          or 1 - I_{1-x}(b, a), whichever needs fewer terms (each term from
          the previous one by the ratio x (a + b + j - 1) / (a + j), summed in
          logs with a window sum), with a per-row number of terms bounded so
          the neglected tail is below e^-40 of the largest term (O(sqrt(a))
          near the mean, geometric decay away from it). Accurate to about
          1e-9 absolute at a + b = 1e6 (the lgamma differences), 1e-13 for
          small parameters.
        - for a, b > 1000 when the series would need more than 1000 terms, the
          quadrature: I_x(a, b) as a ratio of two integrals of the same
          unnormalized density, so no lgamma and a fixed cost per row:
              I_x(a, b) = ∫_{-L}^{z_x} h(z) dz / ∫_{-L}^{L} h(z) dz,
              h(z) = exp((a - 1) φ(σz / m) + (b - 1) φ(-σz / (1 - m))),
          in z = (t - m) / σ around the mode m = (a - 1) / (a + b - 2), with
          σ = sqrt(m (1 - m) / (a + b - 2)) and φ(u) = ln(1 + u) - u
          (corridor.log1p_minus_identity); L = 12 (mass beyond 12σ below
          1e-23 for a, b > 1000), each integral on the 240 nodes of
          corridor.beta_quadrature_nodes. About 1e-11 relative at a + b from
          10^3 to 10^8.
        So no row costs more than ~1000 terms or 240 nodes, whatever n. Sums
        are exact decimals (corridor.exact_sum): a parallel floating sum adds
        in a different order on every run and bounds would differ between
        builds in their last bits.

        log_norm_direct / log_norm_flipped: optional columns of `source`
        holding lgamma(a + b) - lgamma(b) - lgamma(a + 1) and
        lgamma(a + b) - lgamma(a) - lgamma(b + 1) (computed here otherwise):
        the quantile search computes them once per row, not once per step.
        Internal columns are prefixed beta_, so carried columns may be named
        x, a, b, p.
#}
{% macro _beta_terms_bound(x, a, b) -%}
    {#- terms needed when summing the direct series for I_x(a, b) -#}
    {%- set gauss = 'sqrt(80 * (' ~ a ~ ') * ((' ~ a ~ ') + (' ~ b ~ ')) / (' ~ b ~ ')) + 40' -%}
    {#- -ln(x) is 0 when x rounds to 1 (the flipped series of a tiny x, e.g. the lower quantile of a beta with a
        small a): bound it away from 0 so the count is huge (then capped) instead of -inf or a division error -#}
    {%- set geo = '(40 / greatest(-ln(' ~ x ~ '), 1e-300) + 40)' -%}
    {%- set mean = '((' ~ a ~ ') / ((' ~ a ~ ') + (' ~ b ~ ')))' -%}
    {%- set peak = 'greatest(0, ((' ~ x ~ ') * ((' ~ a ~ ') + (' ~ b ~ ')) - (' ~ a ~ ') - 1) / (1 - (' ~ x ~ ')))' -%}
    case
        when {{ b }} <= 1 then {{ geo }}
        when {{ x }} <= {{ mean }} then least(
            {{ gauss }},
            40 / ln(greatest({{ mean }} / ({{ x }}), 1 + 1e-15)) + 40
        )
        else {{ peak }} + sqrt(80 * ({{ a }} + {{ peak }}) * ({{ a }} + {{ b }} + {{ peak }}) / ({{ b }})) + 40 + {{ geo }}
    end
{%- endmacro %}

{% macro beta_cdf_evaluation(source, key, x, a, b, carry=[], log_norm_direct=none, log_norm_flipped=none) -%}
    {{ return(adapter.dispatch('beta_cdf_evaluation', 'corridor')(source, key, x, a, b, carry, log_norm_direct, log_norm_flipped)) }}
{%- endmacro %}

{% macro default__beta_cdf_evaluation(source, key, x, a, b, carry, log_norm_direct, log_norm_flipped) -%}
    {%- set double = corridor.type_double() -%}
    {%- set half_width = 12 -%}
    {%- set carried -%}{% for column in carry %}{{ column }}, {% endfor %}{%- endset -%}
    {%- set phi = corridor.log1p_minus_identity -%}
    select
        beta_key,
        {{ carried }}
        case
            when beta_method = 0 then beta_boundary_cdf
            when beta_method = 1 then greatest(0.0, least(1.0, case when beta_is_flipped then 1 - beta_series_sum else beta_series_sum end))
            else greatest(0.0, least(1.0, (beta_z_x + {{ half_width }}) * beta_part_sum / ({{ 2 * half_width }} * beta_total_sum)))
        end as beta_cdf
    from (
        select
            beta_key,
            {{ carried }}
            beta_method,
            beta_is_flipped,
            beta_boundary_cdf,
            beta_z_x,
            {{ corridor.exact_sum('beta_term', 30) }} as beta_series_sum,
            {{ corridor.exact_sum('beta_node_weight * exp((beta_a - 1) * ' ~ phi('beta_u_part') ~ ' + (beta_b - 1) * ' ~ phi('beta_v_part') ~ ')', 30) }} as beta_part_sum,
            {{ corridor.exact_sum('beta_node_weight * exp((beta_a - 1) * ' ~ phi('beta_u_total') ~ ' + (beta_b - 1) * ' ~ phi('beta_v_total') ~ ')', 30) }} as beta_total_sum
        from (
            select
                *,
                case when beta_method = 1 then exp(greatest(
                    beta_log_first_term + sum(beta_log_ratio) over (
                        partition by beta_key order by beta_j rows between unbounded preceding and current row
                    ),
                    -700.0
                )) end as beta_term
            from (
                select
                    expanded.*,
                    nodes.node_weight as beta_node_weight,
                    case
                        when expanded.beta_method = 1 and expanded.beta_j > 0 then
                            expanded.beta_log_xx + ln(expanded.beta_aa + expanded.beta_bb + expanded.beta_j - 1) - ln(expanded.beta_aa + expanded.beta_j)
                        else 0.0
                    end as beta_log_ratio,
                    expanded.beta_scale_a * (-{{ half_width }} + (expanded.beta_z_x + {{ half_width }}) * nodes.node_position) as beta_u_part,
                    -expanded.beta_scale_b * (-{{ half_width }} + (expanded.beta_z_x + {{ half_width }}) * nodes.node_position) as beta_v_part,
                    expanded.beta_scale_a * (-{{ half_width }} + {{ 2 * half_width }} * nodes.node_position) as beta_u_total,
                    -expanded.beta_scale_b * (-{{ half_width }} + {{ 2 * half_width }} * nodes.node_position) as beta_v_total
                from (
                    select
                        prepared.*,
                        series.beta_j
                    from (
                        select
                            *,
                            case when beta_method = 2 then beta_sigma / beta_mode end as beta_scale_a,
                            case when beta_method = 2 then beta_sigma / (1 - beta_mode) end as beta_scale_b,
                            case when beta_method = 2 then least(greatest((beta_x - beta_mode) / beta_sigma, -{{ half_width }}.0), {{ half_width }}.0) end as beta_z_x
                        from (
                            select
                                *,
                                ln(beta_xx) as beta_log_xx,
                                {#- log of the first term: x^a (1 - x)^b Γ(a + b) / (Γ(b) Γ(a + 1)); the others follow
                                    by the ratio x (a + b + j - 1) / (a + j), summed in logs; ln(1 - x) without
                                    cancellation at small x -#}
                                beta_aa * ln(beta_xx) + beta_bb * (case when beta_xx < 0.25 then -beta_xx + {{ phi('(-beta_xx)') }} else ln(1 - beta_xx) end)
                                + case when beta_is_flipped then beta_log_norm_flipped else beta_log_norm_direct end as beta_log_first_term,
                                case when beta_method = 2 then sqrt(beta_mode * (1 - beta_mode) / (beta_a + beta_b - 2)) end as beta_sigma
                            from (
                                select
                                    *,
                                    case when beta_is_flipped then 1 - beta_xs else beta_xs end as beta_xx,
                                    case when beta_is_flipped then beta_b else beta_a end as beta_aa,
                                    case when beta_is_flipped then beta_a else beta_b end as beta_bb,
                                    case when beta_method = 2 then (beta_a - 1) / (beta_a + beta_b - 2) end as beta_mode,
                                    case
                                        when beta_method = 1 then cast(ceil(least(case when beta_is_flipped then beta_terms_flipped else beta_terms_direct end, 400000)) as bigint)
                                        when beta_method = 2 then 239
                                        else 0
                                    end as beta_n_eval
                                from (
                                    select
                                        *,
                                        case
                                            when not (beta_x > 0 and beta_x < 1) then 0
                                            when beta_a > 1000 and beta_b > 1000 and least(beta_terms_direct, beta_terms_flipped) > 1000 then 2
                                            else 1
                                        end as beta_method,
                                        beta_terms_flipped < beta_terms_direct as beta_is_flipped,
                                        case when beta_x <= 0 then 0.0 else 1.0 end as beta_boundary_cdf
                                    from (
                                        select
                                            *,
                                            {{ corridor._beta_terms_bound('beta_xs', 'beta_a', 'beta_b') }} as beta_terms_direct,
                                            {{ corridor._beta_terms_bound('1 - beta_xs', 'beta_b', 'beta_a') }} as beta_terms_flipped
                                            {%- if log_norm_direct is none %},
                                            {{ corridor.lgamma_difference('beta_b', 'beta_a') }} - {{ corridor.lgamma('beta_a + 1') }} as beta_log_norm_direct,
                                            {{ corridor.lgamma_difference('beta_a', 'beta_b') }} - {{ corridor.lgamma('beta_b + 1') }} as beta_log_norm_flipped
                                            {%- endif %}
                                        from (
                                            select
                                                {{ key }} as beta_key,
                                                {{ carried }}
                                                cast({{ x }} as {{ double }}) as beta_x,
                                                case when {{ x }} > 0 and {{ x }} < 1 then cast({{ x }} as {{ double }}) else 0.5 end as beta_xs,
                                                cast({{ a }} as {{ double }}) as beta_a,
                                                {%- if log_norm_direct is not none %}
                                                {{ log_norm_direct }} as beta_log_norm_direct,
                                                {{ log_norm_flipped }} as beta_log_norm_flipped,
                                                {%- endif %}
                                                cast({{ b }} as {{ double }}) as beta_b
                                            from {{ source }}
                                            where {{ x }} is not null and {{ a }} > 0 and {{ b }} > 0
                                            {{ corridor.subquery_fence() }}
                                        ) as inputs
                                        {{ corridor.subquery_fence() }}
                                    ) as bounded
                                    {{ corridor.subquery_fence() }}
                                ) as chosen
                                {{ corridor.subquery_fence() }}
                            ) as oriented
                            {{ corridor.subquery_fence() }}
                        ) as first_terms
                        {{ corridor.subquery_fence() }}
                    ) as prepared
                    {{ corridor.lateral_series('prepared.beta_n_eval', 'series', 'beta_j') }}
                ) as expanded
                left join {{ corridor.beta_quadrature_nodes() }} as nodes
                    on expanded.beta_method = 2 and expanded.beta_j = nodes.node_index
            ) as evaluated
        ) as summed_terms
        group by beta_key, {{ carried }} beta_method, beta_is_flipped, beta_boundary_cdf, beta_z_x
    ) as sums
{%- endmacro %}
