{#- corridor.computed_once_condition: no condition by default, `rand() >= 0` on Spark (a CTE holding it is computed
    once, not inlined at each reader); a CTE filtered by it and read twice keeps every row either way -#}
with source as (
    select 1 as case_id, cast(1.5 as {{ corridor.type_double() }}) as x
    union all select 2, cast(-2 as {{ corridor.type_double() }})
    union all select 3, cast(4 as {{ corridor.type_double() }})
),

once as (
    select case_id, x from source
    {{ corridor.where_clause(corridor.computed_once_condition()) }}
),

total as (
    select sum(x) as total_x, count(*) as n_rows from once
)

select once.case_id, once.x, total.total_x, total.n_rows
from once
cross join total
