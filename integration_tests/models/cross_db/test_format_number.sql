{#- corridor.format_number: C's printf('%.4g') on every engine (4 significant digits, trailing zeros dropped,
    scientific below 1e-4 and from 1e4 with a signed two-digit exponent), 'n/a' for null; values away from
    rounding ties (engines round a tie of the binary value differently) -#}
with cases as (
    select 1 as case_id, cast(1.5 as {{ corridor.type_double() }}) as x
    union all select 2, cast(1234567 as {{ corridor.type_double() }})
    union all select 3, cast(9999.6 as {{ corridor.type_double() }})
    union all select 4, cast(0 as {{ corridor.type_double() }})
    union all select 5, cast(-0.000012345678 as {{ corridor.type_double() }})
    union all select 6, cast(100 as {{ corridor.type_double() }})
    union all select 7, cast(0.123456 as {{ corridor.type_double() }})
    union all select 8, cast(-98765.4 as {{ corridor.type_double() }})
    union all select 9, cast(0.00012341 as {{ corridor.type_double() }})
    union all select 10, cast(12 as {{ corridor.type_double() }})
    union all select 11, cast(null as {{ corridor.type_double() }})
    union all select 12, cast(3.14159e20 as {{ corridor.type_double() }})
    union all select 13, cast(2.5e-9 as {{ corridor.type_double() }})
)

select case_id, {{ corridor.format_number('x') }} as formatted from cases
