{#- corridor.exact_sum_combine against Python (low + high * 1e16 in doubles): a high part with a fraction in the low
    part, no high part (null: the low part alone), a negative high part, a zero high part, and nulls (a null low part
    gives null, whatever the high part) -#}
with cases as (
    select 1 as case_id, cast(1 as decimal(38, 0)) as high, cast(5000000000000000.25 as decimal(38, 12)) as low
    union all select 2, cast(null as decimal(38, 0)), cast(2.5 as decimal(38, 12))
    union all select 3, cast(-3 as decimal(38, 0)), cast(1.5 as decimal(38, 12))
    union all select 4, cast(0 as decimal(38, 0)), cast(-0.25 as decimal(38, 12))
    union all select 5, cast(null as decimal(38, 0)), cast(null as decimal(38, 12))
    union all select 6, cast(2 as decimal(38, 0)), cast(null as decimal(38, 12))
)

select
    case_id,
    {{ corridor.exact_sum_combine('high', 'low') }} as combined
from cases
