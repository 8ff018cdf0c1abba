{#- corridor.lgamma against Python's math.lgamma (seeds/cross_db/expected_lgamma.csv) -#}
with cases as (
    select 1 as case_id, cast(0.5 as {{ corridor.type_double() }}) as x
    union all select 2, cast(1 as {{ corridor.type_double() }})
    union all select 3, cast(2.5 as {{ corridor.type_double() }})
    union all select 4, cast(10 as {{ corridor.type_double() }})
    union all select 5, cast(123.456 as {{ corridor.type_double() }})
    union all select 6, cast(1000000 as {{ corridor.type_double() }})
)

select
    case_id,
    {{ corridor.lgamma('x') }} as lgamma_x
from cases
