{#- Known-answer grid for corridor.beta_quantile_query / beta_cdf_query on
    every engine (compared with scipy.stats.beta by pytest). -#}
{{ config(materialized='table', pre_hook=corridor.set_based_series_hooks()) }}
{%- set double = 'double precision' if target.type == 'postgres' else 'double' -%}
with

sizes as (

    select cast(n as {{ double }}) as n from (
        select 1 as n union all select 2 union all select 7 union all select 50 union all select 333
        union all select 4000 union all select 120000
    ) as s

),

fractions as (

    select cast(f as {{ double }}) as f from (
        select 0 as f union all select 0.003 union all select 0.1 union all select 0.5
        union all select 0.97 union all select 1
    ) as s

),

counts as (

    select distinct sizes.n, round(sizes.n * fractions.f) as k
    from sizes
    cross join fractions

),

cases as (

    select n, k, 0.025 as p, k as a, n - k + 1 as b from counts where k > 0
    union all
    select n, k, 0.975 as p, k + 1 as a, n - k as b from counts where k < n
    union all
    select n, k, 0.3 as p, k + 0.37 as a, n - k + 2.5 as b from counts
    union all
    -- a weak prior's posterior without successes (a < 1): the lower quantile is astronomically small
    select n, k, 0.025 as p, 0.08 as a, n + 20 as b from counts where k = 0

),

keyed as (

    select
        *,
        {{ dbt.concat([dbt.cast('n', dbt.type_string()), "'|'", dbt.cast('k', dbt.type_string()), "'|'", dbt.cast('p', dbt.type_string()), "'|'", dbt.cast('a', dbt.type_string())]) }} as case_key
    from cases

),

quantiles as (

    {{ corridor.beta_quantile_query('keyed', 'case_key', 'p', 'a', 'b') }}

),

cdf_inputs as (

    select keyed.*, quantiles.beta_quantile, quantiles.beta_quantile * 0.999 as x
    from keyed
    inner join quantiles on keyed.case_key = quantiles.beta_key

),

cdfs as (

    {{ corridor.beta_cdf_query('cdf_inputs', 'case_key', 'x', 'a', 'b') }}

)

select
    cdf_inputs.n,
    cdf_inputs.k,
    cdf_inputs.p,
    cdf_inputs.a,
    cdf_inputs.b,
    cdf_inputs.beta_quantile,
    cdf_inputs.x,
    cdfs.beta_cdf
from cdf_inputs
inner join quantiles on cdf_inputs.case_key = quantiles.beta_key
inner join cdfs on cdf_inputs.case_key = cdfs.beta_key
