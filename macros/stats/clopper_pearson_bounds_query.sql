{#
    corridor.clopper_pearson_bounds_query(source, key, successes, trials, level)
        A query of (bound_key, interval_lower, interval_upper): the
        Clopper-Pearson (exact binomial) interval at confidence `level` for
        each row of `source` (key unique per row; successes <= trials,
        trials > 0, column expressions):
            lower = Beta quantile (1 - level) / 2 of Beta(k, n - k + 1), 0 when k = 0,
            upper = Beta quantile (1 + level) / 2 of Beta(k + 1, n - k), 1 when k = n,
        with the beta quantiles of corridor.beta_quantile_query (the plugin's
        scipy function on DuckDB, the SQL kernel elsewhere).
#}
{% macro clopper_pearson_bounds_query(source, key, successes, trials, level) -%}
    {{ return(adapter.dispatch('clopper_pearson_bounds_query', 'corridor')(source, key, successes, trials, level)) }}
{%- endmacro %}

{% macro default__clopper_pearson_bounds_query(source, key, successes, trials, level) -%}
    {%- set alpha = (1 - level) / 2 -%}
    with

    cp_inputs as (

        select
            {{ dbt.concat([key, "'|lower'"]) }} as bound_key,
            {{ alpha }} as p,
            {{ successes }} as a,
            {{ trials }} - ({{ successes }}) + 1 as b
        from {{ source }}
        where {{ successes }} > 0

        union all

        select
            {{ dbt.concat([key, "'|upper'"]) }} as bound_key,
            {{ 1 - alpha }} as p,
            {{ successes }} + 1 as a,
            {{ trials }} - ({{ successes }}) as b
        from {{ source }}
        where {{ successes }} < {{ trials }}

    ),

    cp_quantiles as (

        {{ corridor.beta_quantile_query('cp_inputs', 'bound_key', 'p', 'a', 'b') }}

    )

    select
        {{ key }} as bound_key,
        case when {{ successes }} = 0 then 0.0 else lower_bound.beta_quantile end as interval_lower,
        case when {{ successes }} = {{ trials }} then 1.0 else upper_bound.beta_quantile end as interval_upper
    from {{ source }}
    left join cp_quantiles as lower_bound
        on {{ dbt.concat([key, "'|lower'"]) }} = lower_bound.beta_key
    left join cp_quantiles as upper_bound
        on {{ dbt.concat([key, "'|upper'"]) }} = upper_bound.beta_key
{%- endmacro %}
