{#- corridor.try_cast: numbers parse, anything else is null (never an error) -#}
with cases as (
    select 1 as case_id, '1.5' as raw
    union all select 2, 'abc'
    union all select 3, '-2e3'
    union all select 4, ''
)

select
    case_id,
    {{ corridor.try_cast('raw', corridor.type_double()) }} as as_double
from cases
