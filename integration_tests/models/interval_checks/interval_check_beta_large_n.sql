{#- Known-answer grid for corridor.beta_quantile_query / beta_cdf_query at
    sample sizes n = 1 to 10^8 (each row's cost is bounded whatever n: the
    series below ~1000 terms, corridor.beta_cdf_quadrature above), compared
    with scipy.stats.beta by pytest: Clopper-Pearson bounds and a posterior
    with a fractional prior, the CDF at the quantile and just below it. -#}
{{ config(materialized='table', pre_hook=corridor.set_based_series_hooks()) }}
{%- set double = 'double precision' if target.type == 'postgres' else 'double' -%}
with

counts as (

    select
        cast(sizes.n as {{ double }}) as n,
        cast(round(sizes.n * fractions.f) as {{ double }}) as k
    from (
        select 1 as n union all select 10 union all select 100 union all select 1000 union all select 10000
        union all select 100000 union all select 1000000 union all select 10000000 union all select 100000000
    ) as sizes
    cross join (
        select 0.0 as f union all select 0.00001 union all select 0.02 union all select 0.5
        union all select 0.9 union all select 1.0
    ) as fractions

),

cases as (

    select distinct n, k, 0.025 as p, k as a, n - k + 1 as b from counts where k > 0
    union all
    select distinct n, k, 0.975 as p, k + 1 as a, n - k as b from counts where k < n
    union all
    select distinct n, k, 0.7 as p, k + 0.37 as a, n - k + 2.5 as b from counts

),

keyed as (

    select
        *,
        {{ dbt.concat([dbt.cast('n', dbt.type_string()), "'|'", dbt.cast('k', dbt.type_string()), "'|'", dbt.cast('p', dbt.type_string())]) }} as case_key
    from cases

),

quantiles as (

    {{ corridor.beta_quantile_query('keyed', 'case_key', 'p', 'a', 'b') }}

),

cdf_inputs as (

    select
        keyed.*,
        quantiles.beta_quantile,
        quantiles.beta_quantile * shifts.factor as x,
        {{ dbt.concat(['keyed.case_key', "'|'", dbt.cast('shifts.factor', dbt.type_string())]) }} as cdf_key
    from keyed
    inner join quantiles on keyed.case_key = quantiles.beta_key
    cross join (select 1.0 as factor union all select 0.9999 as factor) as shifts

),

cdfs as (

    {{ corridor.beta_cdf_query('cdf_inputs', 'cdf_key', 'x', 'a', 'b') }}

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
inner join cdfs on cdf_inputs.cdf_key = cdfs.beta_key
