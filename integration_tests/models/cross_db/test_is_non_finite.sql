{#- corridor.is_non_finite: NaN and both infinities are, finite numbers are not, null stays null -#}
with cases as (
    select 1 as case_id, cast('NaN' as {{ corridor.type_double() }}) as x
    union all select 2, cast('Infinity' as {{ corridor.type_double() }})
    union all select 3, cast('-Infinity' as {{ corridor.type_double() }})
    union all select 4, cast(1.5 as {{ corridor.type_double() }})
    union all select 5, cast(null as {{ corridor.type_double() }})
)

select
    case_id,
    {{ corridor.is_non_finite('x') }} as is_non_finite
from cases
