{#- corridor.bitwise_xor against Python's ^ on 64-bit integers: equal bits cancel (255 ^ 255), 32-bit and 63-bit
    operands, bigint's largest value, a negative operand (two's complement on every engine; the contract names
    non-negative operands, as corridor's hashes are), and null (null on every engine) -#}
with cases as (
    select 1 as case_id, cast(12 as bigint) as a, cast(10 as bigint) as b
    union all select 2, cast(0 as bigint), cast(4294967295 as bigint)
    union all select 3, cast(255 as bigint), cast(255 as bigint)
    union all select 4, cast(4611686018427387904 as bigint), cast(1 as bigint)
    union all select 5, cast(9223372036854775807 as bigint), cast(6148914691236517205 as bigint)
    union all select 6, cast(-1 as bigint), cast(5 as bigint)
    union all select 7, cast(null as bigint), cast(7 as bigint)
)

select
    case_id,
    {{ corridor.bitwise_xor('a', 'b') }} as xor_ab
from cases
