{#- corridor.materialized_cte: `with x as materialized (...)` where the engine has it, a plain CTE elsewhere; a
    chain whose steps reference the previous one twice gives the same numbers either way -#}
with step0 as {{ corridor.materialized_cte() }} (
    select 1 as case_id, cast(1.5 as {{ corridor.type_double() }}) as x
    union all select 2, cast(-2 as {{ corridor.type_double() }})
),

step1 as {{ corridor.materialized_cte() }} (
    select case_id, x * x + x as x from step0
),

step2 as {{ corridor.materialized_cte() }} (
    select case_id, x * x + x as x from step1
)

select case_id, x as chained from step2
