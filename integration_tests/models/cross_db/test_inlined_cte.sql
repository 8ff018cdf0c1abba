{#- corridor.inlined_cte: `with x as not materialized (...)` where the engine has it, a plain CTE elsewhere; a CTE
    read twice (filtered and aggregated by each reader) gives the same rows either way -#}
with source as {{ corridor.inlined_cte() }} (
    select 1 as case_id, cast(1.5 as {{ corridor.type_double() }}) as x
    union all select 2, cast(-2 as {{ corridor.type_double() }})
    union all select 3, cast(4 as {{ corridor.type_double() }})
),

positive as (
    select case_id, x from source where x > 0
),

total as (
    select sum(x) as total_x, count(*) as n_rows from source
)

select positive.case_id, positive.x, total.total_x, total.n_rows
from positive
cross join total
