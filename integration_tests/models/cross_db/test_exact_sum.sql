{#- corridor.exact_sum_parts + exact_sum_combine, corridor.exact_sum and corridor.exact_decimal_sum: sums exact in
    any order, also past 1e16 -#}
with cases as (
    select 1 as case_id, cast(1e17 as {{ corridor.type_double() }}) + 0.5 as x
    union all select 1, cast(3.25 as {{ corridor.type_double() }})
    union all select 1, cast(-1.5e16 as {{ corridor.type_double() }})
    union all select 1, cast(null as {{ corridor.type_double() }})
    union all select 2, cast(0.1 as {{ corridor.type_double() }})
    union all select 2, cast(0.2 as {{ corridor.type_double() }})
    union all select 2, cast(0.3 as {{ corridor.type_double() }})
),

parts as (
    select
        case_id,
        {%- set p = corridor.exact_sum_parts('x', 12) %}
        {{ p[0] }} as high,
        {{ p[1] }} as low,
        {{ corridor.exact_sum('x', 12) }} as small_sum,
        {{ corridor.exact_decimal_sum('x', 12) }} as decimal_sum
    from cases
    group by case_id
)

select
    case_id,
    {{ corridor.exact_sum_combine('high', 'low') }} as exact_total,
    case when case_id = 2 then small_sum end as small_sum,
    cast(case when case_id = 2 then decimal_sum end as {{ corridor.type_double() }}) as decimal_sum
from parts
