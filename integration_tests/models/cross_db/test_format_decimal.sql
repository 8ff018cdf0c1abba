{#- corridor.format_decimal: rounded half away from zero to the given places, as text with exactly that many
    decimals, 'n/a' for null -#}
with cases as (
    select 1 as case_id, cast(12.34 as {{ corridor.type_double() }}) as x
    union all select 2, cast(-0.05 as {{ corridor.type_double() }})
    union all select 3, cast(2 as {{ corridor.type_double() }})
    union all select 4, cast(123456.789 as {{ corridor.type_double() }})
    union all select 5, cast(null as {{ corridor.type_double() }})
)

select
    case_id,
    {{ corridor.format_decimal('x') }} as one_place,
    {{ corridor.format_decimal('x', 2) }} as two_places
from cases
