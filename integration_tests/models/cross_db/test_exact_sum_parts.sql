{#- corridor.exact_sum_parts (two decimal places here, so the rounding shows) against Python's fractions: each value
    split at 1e16 into a whole number of 1e16 units (high, summed as decimal(38, 0)) and the rest (low), exactly
    1e16 and -1e16, 2.5e16 (truncated toward zero: 2), 1e16 + 2 and -(1e16 + 4) (high parts that cancel, leaving
    the rests: 2 - 4), halves rounded away from zero on every engine (0.125 -> 0.13, -0.375 -> -0.38), a large value
    under 1e16 (no high part: null; its half kept), nulls adding nothing, and a group of nulls only (both null).
    Engine semantics (found by this test): the cast of a double's rest to a decimal is not exactly rounded past 15
    significant digits on PostgreSQL and DuckDB. PostgreSQL (15) casts a double to numeric through its 15-digit text
    (15000000000000002 -> 15000000000000000); DuckDB (2.0) cast 9999999999999998 to decimal(38, 2) as
    9999999999999997.44. Each is a fixed function of the value, so the sums stay exact and order-independent on each
    engine (what the macro is for) and the engines agree to about 1e-15 relative; the rests here have at most 15
    significant digits. -#}
{%- set double = corridor.type_double() -%}
{%- set parts = corridor.exact_sum_parts('x', 2) -%}
with cases as (
    select 1 as case_id, cast(2.5e16 as {{ double }}) as x
    union all select 1, cast(-1e16 as {{ double }})
    union all select 1, cast(0.25 as {{ double }})
    union all select 1, cast(null as {{ double }})
    union all select 2, cast(10000000000000002 as {{ double }})
    union all select 2, cast(-10000000000000004 as {{ double }})
    union all select 3, cast(0.125 as {{ double }})
    union all select 3, cast(0.125 as {{ double }})
    union all select 3, cast(-0.375 as {{ double }})
    union all select 4, cast(null as {{ double }})
    union all select 4, cast(null as {{ double }})
    union all select 5, cast(90000000000000.5 as {{ double }})
    union all select 6, cast(1e16 as {{ double }})
),

sums as (
    select
        case_id,
        {{ parts[0] }} as high,
        {{ parts[1] }} as low
    from cases
    group by case_id
)

select
    case_id,
    cast(high as {{ double }}) as high,
    {#- low exactly: its whole part and (in hundredths, exact in a double) its fraction -#}
    cast(floor(low) as {{ double }}) as low_whole,
    cast((low - floor(low)) * 100 as {{ double }}) as low_hundredths
from sums
