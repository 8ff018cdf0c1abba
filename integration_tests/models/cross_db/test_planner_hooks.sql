{#- corridor.set_based_series_hooks (the engine's planner settings, as pre-hooks of the model) and
    corridor.subquery_fence (a subquery whose select list is computed once per row before a per-row series):
    the sums of 0..n per row are the same with them as without -#}
{{ config(pre_hook=corridor.set_based_series_hooks()) }}

with cases as (
    select 1 as case_id, 3 as n
    union all select 2, 0
    union all select 3, 10
),

fenced as (
    select case_id, n, n * n as n_squared
    from cases
    {{ corridor.subquery_fence() }}
)

select
    f.case_id,
    max(f.n_squared) as n_squared,
    count(*) as n_terms,
    sum(s.k) as sum_terms
from fenced as f
{{ corridor.lateral_series('f.n', 's', 'k') }}
group by f.case_id
