{#- corridor.type_double is a 64-bit float on every engine (dbt.type_float is 32-bit FLOAT on DuckDB): 1/3 to 16
    digits (a 32-bit float is off by 1e-8), 2^24 + 1 exact (a 32-bit float rounds it to 2^24), 1e300 (a 32-bit float
    overflows) and 1e-300 times 1e300 (a 32-bit float underflows to 0), a negative, and a null -#}
{%- set double = corridor.type_double() -%}
select
    1 as case_id,
    cast(1 as {{ double }}) / 3 as third,
    cast(16777217 as {{ double }}) - 16777216 as above_2_24,
    cast('1e300' as {{ double }}) / 1e299 as huge_scaled,
    cast('1e-300' as {{ double }}) * cast('1e300' as {{ double }}) as tiny_scaled,
    cast(-0.1 as {{ double }}) * 3 as negative,
    cast(null as {{ double }}) as nothing
