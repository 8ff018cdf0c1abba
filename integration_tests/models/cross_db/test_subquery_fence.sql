{#- corridor.subquery_fence ends a subquery (offset 0 on PostgreSQL and Spark, nothing on DuckDB) without changing
    its rows: a fenced subquery with a where clause and an expression per row (a null row kept, a filtered row
    gone), then a per-row series over it (corridor.lateral_series) and an aggregate of the fenced rows alone -#}
with cases as (
    select 1 as case_id, 3 as n
    union all select 2, 0
    union all select 3, 10
    union all select 4, -5
    union all select 5, cast(null as integer)
),

fenced as (
    select
        case_id,
        n,
        n * n + 1 as n_squared_plus_1
    from cases
    where n is null or n >= 0
    {{ corridor.subquery_fence() }}
),

series as (
    select
        f.case_id,
        max(f.n_squared_plus_1) as n_squared_plus_1,
        count(*) as n_terms,
        sum(s.k) as sum_terms
    from fenced as f
    {{ corridor.lateral_series('f.n', 's', 'k') }}
    where f.n is not null
    group by f.case_id
),

fenced_rows as (
    select
        count(*) as n_rows,
        count(n) as n_values
    from fenced
)

select
    s.case_id,
    s.n_squared_plus_1,
    s.n_terms,
    s.sum_terms,
    r.n_rows,
    r.n_values
from series as s
cross join fenced_rows as r
