{#- corridor.hash32 against Python (the first 8 hex digits of md5 as an unsigned 32-bit integer): values at and
    above 2^31 (md5('abc') starts 9001..., md5('') d41d...), the empty string, a number (hashed as its text, '-14'),
    and null (null on every engine) -#}
with cases as (
    select 1 as case_id, 'abc' as txt, -7 as num
    union all select 2, 'corridor', -14
    union all select 3, '', 0
    union all select 4, cast(null as {{ dbt.type_string() }}), cast(null as integer)
    union all select 5, 'O''Brien; drop table t', 2147483647
)

select
    case_id,
    {{ corridor.hash32('txt') }} as hash32_txt,
    {{ corridor.hash32('num') }} as hash32_num
from cases
