{#- corridor.median against numpy.median: an even count (the mean of the two middle values), an odd count in
    any order, one value, negatives with ties and a null among them (nulls are ignored), fractions, and a group of
    nulls only (null on every engine) -#}
{%- set double = corridor.type_double() -%}
with cases as (
    select 1 as case_id, cast(1 as {{ double }}) as x
    union all select 1, cast(2 as {{ double }})
    union all select 1, cast(3 as {{ double }})
    union all select 1, cast(4 as {{ double }})
    union all select 2, cast(5 as {{ double }})
    union all select 3, cast(10 as {{ double }})
    union all select 3, cast(1 as {{ double }})
    union all select 3, cast(3 as {{ double }})
    union all select 4, cast(-1.5 as {{ double }})
    union all select 4, cast(null as {{ double }})
    union all select 4, cast(-0.5 as {{ double }})
    union all select 4, cast(2 as {{ double }})
    union all select 4, cast(2 as {{ double }})
    union all select 5, cast(null as {{ double }})
    union all select 5, cast(null as {{ double }})
    union all select 6, cast(0.1 as {{ double }})
    union all select 6, cast(0.2 as {{ double }})
)

select
    case_id,
    {{ corridor.median('x') }} as median_x
from cases
group by case_id
