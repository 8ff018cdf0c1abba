{#
    The beta distribution in SQL, on every engine, without special functions
    beyond ln/exp (and lgamma, see corridor.lgamma).

    corridor.beta_cdf_query(source, key, x, a, b)
        A query of (key, beta_cdf): the regularized incomplete beta function
        I_x(a, b) for each row of `source` (x, a, b are column expressions,
        a, b > 0; key is unique per row). It sums the positive series
        (DLMF 8.17.8 with the hypergeometric function written out)
            I_x(a, b) = sum_j exp((a + j) ln x + b ln(1 - x)
                                  + lgamma(a + b + j) - lgamma(b) - lgamma(a + j + 1)),
        or 1 - I_{1-x}(b, a), whichever needs fewer terms (each term from the
        previous one by the ratio x (a + b + j - 1) / (a + j), accumulated in
        logs with a window sum: two ln() per term), with a per-row
        number of terms bounded so the neglected tail is below e^-40 of the
        largest term (O(sqrt(a)) terms near the mean; geometric decay away from
        it). Accurate to about 1e-9 absolute at a + b = 1e6 (the lgamma
        differences), to 1e-13 for small parameters; set-based, so engines
        parallelize it. Rows with a, b > 1000 whose series would need more
        than 1000 terms go to corridor.beta_cdf_quadrature instead (a fixed
        480 evaluations, no lgamma, ~1e-11 relative up to a + b = 1e8), so
        no row costs more than ~1000 terms whatever its sample size.
        The terms (each in [0, 1]) are summed as exact
        decimals with 30 places (corridor.exact_sum): a parallel floating
        sum adds them in a different order on every run, and Clopper-Pearson
        and Bayesian bounds would differ between builds in their last bits.

    Its inverse: corridor.beta_quantile_query.
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

{% macro beta_cdf_query(source, key, x, a, b) -%}
    {{ return(adapter.dispatch('beta_cdf_query', 'corridor')(source, key, x, a, b)) }}
{%- endmacro %}

{% macro default__beta_cdf_query(source, key, x, a, b) -%}
    {%- set double = corridor.type_double() -%}
    {%- set series_terms = 'least(' ~ corridor._beta_terms_bound(x, a, b) ~ ', ' ~ corridor._beta_terms_bound('1 - (' ~ x ~ ')', b, a)
        ~ ')' -%}
    {%- set quadrature = corridor.beta_cdf_uses_quadrature(a, b, series_terms) -%}
    select
        {{ key }} as beta_key,
        case when {{ x }} <= 0 then 0.0 else 1.0 end as beta_cdf
    from {{ source }}
    where {{ x }} <= 0 or {{ x }} >= 1

    union all

    select
        beta_key,
        greatest(0.0, least(1.0, case when is_flipped then 1 - {{ corridor.exact_sum('term', 30) }} else {{ corridor.exact_sum('term',
            30) }} end)) as beta_cdf
    from (
        select
            beta_key,
            is_flipped,
            exp(greatest(
                log_first_term + sum(log_ratio) over (
                    partition by beta_key order by j rows between unbounded preceding and current row
                ),
                -700.0
            )) as term
        from (
            select
                oriented.beta_key,
                oriented.is_flipped,
                oriented.log_first_term,
                series.j,
                case
                    when series.j = 0 then 0.0
                    else oriented.log_xx + ln(oriented.aa + oriented.bb + series.j - 1) - ln(oriented.aa + series.j)
                end as log_ratio
            from (
                select
                    beta_key,
                    is_flipped,
                    ln(xx) as log_xx,
                    aa,
                    bb,
                    {#- log of the first term: x^a (1 - x)^b Γ(a + b) / (Γ(b) Γ(a + 1)); the
                        others follow by the ratio x (a + b + j - 1) / (a + j), summed in logs -#}
                    {#- ln(1 - x) and lgamma(a + b) - lgamma(b) without cancellation at small x / large b -#}
                    aa * ln(xx) + bb * (case when xx < 0.25 then -xx + {{ corridor.log1p_minus_identity('(-xx)') }} else ln(1 - xx) end)
                    + {{ corridor.lgamma_difference('bb', 'aa') }} - {{ corridor.lgamma('aa + 1') }} as log_first_term,
                    n_terms
                from (
                    select
                        beta_key,
                        is_flipped,
                        case when is_flipped then 1 - x else x end as xx,
                        case when is_flipped then b else a end as aa,
                        case when is_flipped then a else b end as bb,
                        cast(ceil(least(case when is_flipped then terms_flipped else terms_direct end, 400000)) as bigint) as n_terms
                    from (
                        select
                            *,
                            terms_flipped < terms_direct as is_flipped
                        from (
                            select
                                {{ key }} as beta_key,
                                cast({{ x }} as {{ double }}) as x,
                                cast({{ a }} as {{ double }}) as a,
                                cast({{ b }} as {{ double }}) as b,
                                {{ corridor._beta_terms_bound(x, a, b) }} as terms_direct,
                                {{ corridor._beta_terms_bound('1 - (' ~ x ~ ')', b, a) }} as terms_flipped
                            from {{ source }}
                            where {{ x }} > 0 and {{ x }} < 1 and not {{ quadrature }}
                            {{ corridor.subquery_fence() }}
                        ) as bounded
                        {{ corridor.subquery_fence() }}
                    ) as chosen
                    {{ corridor.subquery_fence() }}
                ) as oriented_inputs
                {{ corridor.subquery_fence() }}
            ) as oriented
            {{ corridor.lateral_series('oriented.n_terms', 'series', 'j') }}
        ) as ratios
    ) as terms
    group by beta_key, is_flipped

    union all

    {{ corridor.beta_cdf_quadrature(
        '(select * from ' ~ source ~ ' where ' ~ x ~ ' > 0 and ' ~ x ~ ' < 1 and ' ~ quadrature ~ ') as quadrature_rows',
        key, x, a, b
    ) }}
{%- endmacro %}

{#- DuckDB with corridor's plugin: one scipy call per row (corridor.duckdb_udfs_enabled);
    the same rows as the SQL kernel, which remains the path without the plugin -#}

{% macro duckdb__beta_cdf_query(source, key, x, a, b) -%}
    {%- if not corridor.duckdb_udfs_enabled() -%}
        {{ return(corridor.default__beta_cdf_query(source, key, x, a, b)) }}
    {%- endif -%}
    select
        {{ key }} as beta_key,
        corridor_beta_cdf(cast({{ x }} as double), cast({{ a }} as double), cast({{ b }} as double)) as beta_cdf
    from {{ source }}
    where {{ x }} <= 0 or {{ x }} >= 1 or ({{ x }} > 0 and {{ x }} < 1)
{%- endmacro %}
