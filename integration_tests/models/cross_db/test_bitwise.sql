{#- corridor.bitwise_xor and corridor.hash32 (the first 8 hex digits of md5) against Python -#}
with cases as (
    select 1 as case_id, 12 as a, 10 as b, 'abc' as txt
    union all select 2, 0, 4294967295, 'corridor'
    union all select 3, 255, 255, ''
)

select
    case_id,
    {{ corridor.bitwise_xor('cast(a as bigint)', 'cast(b as bigint)') }} as xor_ab,
    {{ corridor.hash32('txt') }} as hash32_txt
from cases
