{#- corridor.exact_decimal_sum against Python's fractions and decimal: sums exact in decimal (0.1 + 0.2 + 0.3 is 0.6
    exactly, where doubles give 0.6000000000000001; 1e20 + 1 - 1e20 is 1, where doubles give 0), compared as decimals
    (is_exact) and as doubles; each value rounded to the places asked first (halves away from zero on every engine:
    2.5 -> 3, -2.5 -> -3, 0.5 -> 1 at 0 places); a null adds nothing; a group of nulls only gives null -#}
{%- set double = corridor.type_double() -%}
with cases as (
    select 1 as case_id, cast(0.1 as {{ double }}) as x
    union all select 1, cast(0.2 as {{ double }})
    union all select 1, cast(0.3 as {{ double }})
    union all select 2, cast(1e20 as {{ double }})
    union all select 2, cast(1 as {{ double }})
    union all select 2, cast(-1e20 as {{ double }})
    union all select 3, cast(2.5 as {{ double }})
    union all select 3, cast(-2.5 as {{ double }})
    union all select 3, cast(0.5 as {{ double }})
    union all select 4, cast(null as {{ double }})
    union all select 4, cast(1.25 as {{ double }})
    union all select 5, cast(null as {{ double }})
),

sums as (
    select
        case_id,
        {{ corridor.exact_decimal_sum('x', 12) }} as sum_12,
        {{ corridor.exact_decimal_sum('x', 0) }} as sum_0
    from cases
    group by case_id
)

select
    case_id,
    cast(sum_12 as {{ double }}) as sum_12,
    cast(sum_0 as {{ double }}) as sum_0,
    case
        when case_id = 1 then sum_12 = cast('0.6' as decimal(38, 12))
        when case_id = 2 then sum_12 = cast('1' as decimal(38, 12))
    end as is_exact
from sums
