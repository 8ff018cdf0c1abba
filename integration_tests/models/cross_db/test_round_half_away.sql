{#- corridor.round_half_away: halves away from zero on every engine (PostgreSQL's round of a double gives 2 for 2.5),
    the doubles just below a half down, null stays null -#}
with cases as (
    select 1 as case_id, cast(2.5 as {{ corridor.type_double() }}) as x
    union all select 2, cast(22.5 as {{ corridor.type_double() }})
    union all select 3, cast(-2.5 as {{ corridor.type_double() }})
    union all select 4, cast(2.4999999999999996 as {{ corridor.type_double() }})
    union all select 5, cast(31.499999999999993 as {{ corridor.type_double() }})
    union all select 6, cast(7 as {{ corridor.type_double() }})
    union all select 7, cast(0 as {{ corridor.type_double() }})
    union all select 8, cast(3.5 as {{ corridor.type_double() }})
    union all select 9, cast(null as {{ corridor.type_double() }})
)

select
    case_id,
    {{ corridor.round_half_away('x') }} as rounded
from cases
