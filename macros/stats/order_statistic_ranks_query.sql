{#
    corridor.order_statistic_ranks_query(source, key, n, q, level)
        A query of (rank_key, lower_rank, upper_rank): the distribution-free
        confidence interval [x_(l), x_(u)] for the q-quantile of a continuous
        distribution from n sorted observations (1-based ranks). With
        B ~ Binomial(n, q): l - 1 is the largest m with P(B <= m) <= (1 - level) / 2,
        u - 1 the smallest m with P(B <= m) >= (1 + level) / 2, so that
        P(x_(l) <= quantile <= x_(u)) >= level. lower_rank is 0 when no order
        statistic is low enough (no lower bound at this n) and upper_rank is
        n + 1 when none is high enough. The binomial CDF is summed from
        log-pmf terms over nq +- 12 sd (+ 12), where all but 1e-30 of the
        mass lies: rows that grow with sqrt(n) per request. On DuckDB with
        corridor's plugin (corridor.duckdb_udfs_enabled) the ranks come from
        scipy's binomial quantile and CDF instead, one call per request (the
        two agree unless P(B <= m) is within rounding of a level's tail).
#}

{% macro order_statistic_ranks_query(source, key, n, q, level) -%}
    {{ return(adapter.dispatch('order_statistic_ranks_query', 'corridor')(source, key, n, q, level)) }}
{%- endmacro %}

{% macro default__order_statistic_ranks_query(source, key, n, q, level) -%}
    {%- set double = corridor.type_double() -%}
    {%- set alpha = (1 - level) / 2 -%}
    {#- the requests, read once by either path -#}
    {%- set inputs -%}
        select
            {{ key }} as rank_key,
            cast({{ n }} as {{ double }}) as n,
            cast({{ q }} as {{ double }}) as q
        from {{ source }}
        where {{ n }} > 0
    {%- endset -%}
    {%- if corridor.duckdb_udfs_enabled() %}
    {#- l - 1 = the largest m with P(B <= m) <= alpha: the quantile m* (smallest m with P(B <= m) >= alpha),
        or m* - 1 when P(B <= m*) > alpha; u - 1 = the quantile at 1 - alpha -#}
    select
        rank_key,
        cast(lower_m + case when corridor_binomial_cdf(lower_m, n, q) <= {{ alpha }} then 1 else 0 end
            as {{ dbt.type_bigint() }}) as lower_rank,
        corridor_binomial_quantile({{ 1 - alpha }}, n, q) + 1 as upper_rank
    from (
        select
            rank_key,
            n,
            q,
            corridor_binomial_quantile({{ alpha }}, n, q) as lower_m
        from ({{ inputs }}) as inputs
    ) as quantiles
    {%- else %}
    select
        rank_key,
        coalesce(max(case when cdf <= {{ alpha }} then m end) + 1, 0) as lower_rank,
        coalesce(min(case when cdf >= {{ 1 - alpha }} then m end) + 1, max(n) + 1) as upper_rank
    from (
        select
            rank_key,
            n,
            m,
            sum(pmf) over (partition by rank_key order by m rows between unbounded preceding and current row) as cdf
        from (
            select
                rank_key,
                n,
                m,
                {#- pmf(first_m) from lgamma, the others by the ratio (n - m + 1) q / (m (1 - q)), in logs -#}
                exp(greatest(
                    log_first_pmf + sum(log_ratio) over (
                        partition by rank_key order by m rows between unbounded preceding and current row
                    ),
                    -700.0
                )) as pmf
            from (
                select
                    window_rows.rank_key,
                    window_rows.n,
                    window_rows.log_first_pmf,
                    window_rows.first_m + series.m_offset as m,
                    case
                        when series.m_offset = 0 then 0.0
                        else ln(window_rows.n - window_rows.first_m - series.m_offset + 1) + ln(window_rows.q)
                            - ln(window_rows.first_m + series.m_offset) - ln(1 - window_rows.q)
                    end as log_ratio
                from (
                    select
                        *,
                        {{ corridor.lgamma('n + 1') }} - {{ corridor.lgamma('first_m + 1') }} - {{ corridor.lgamma('n - first_m + 1') }}
                        + first_m * ln(q) + (n - first_m) * ln(1 - q) as log_first_pmf
                    from (
                        select
                            rank_key,
                            n,
                            q,
                            cast(greatest(0, floor(n * q - 12 * sqrt(n * q * (1 - q)) - 12)) as {{ dbt.type_bigint() }}) as first_m,
                            cast(least(n, ceil(n * q + 12 * sqrt(n * q * (1 - q)) + 12)) as {{ dbt.type_bigint() }}) as last_m
                        from ({{ inputs }}) as inputs
                        {{ corridor.subquery_fence() }}
                    ) as bounded
                    {{ corridor.subquery_fence() }}
                ) as window_rows
                {{ corridor.lateral_series('window_rows.last_m - window_rows.first_m', 'series', 'm_offset') }}
            ) as ratios
        ) as terms
    ) as cumulative
    group by rank_key
    {%- endif %}
{%- endmacro %}
