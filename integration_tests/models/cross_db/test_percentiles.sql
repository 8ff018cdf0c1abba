{#- corridor.median, corridor.percentiles and corridor.array_element against numpy (linear interpolation) -#}
with cases as (
    select 1 as case_id, cast(1 as {{ corridor.type_double() }}) as x
    union all select 1, cast(2 as {{ corridor.type_double() }})
    union all select 1, cast(3 as {{ corridor.type_double() }})
    union all select 1, cast(4 as {{ corridor.type_double() }})
    union all select 2, cast(5 as {{ corridor.type_double() }})
    union all select 3, cast(10 as {{ corridor.type_double() }})
    union all select 3, cast(1 as {{ corridor.type_double() }})
    union all select 3, cast(3 as {{ corridor.type_double() }})
),

aggregated as (
    select
        case_id,
        {{ corridor.median('x') }} as median_x,
        {{ corridor.percentiles('x', [0.1, 0.95]) }} as quantiles
    from cases
    group by case_id
)

select
    case_id,
    median_x,
    cast({{ corridor.array_element('quantiles', 1) }} as {{ corridor.type_double() }}) as p10,
    cast({{ corridor.array_element('quantiles', 2) }} as {{ corridor.type_double() }}) as p95
from aggregated
