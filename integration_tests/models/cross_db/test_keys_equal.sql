{#- corridor.keys_equal: a join on several key columns matches rows equal on every key, and only those -#}
with lhs as (
    select 1 as case_id, 'a' as k1, 1 as k2
    union all select 2, 'a', 2
    union all select 3, 'b', 1
),

rhs as (
    select 'a' as k1, 1 as k2, 100 as v
    union all select 'a', 1, 1
    union all select 'b', 2, 5
    union all select 'a', 2, 20
)

select
    l.case_id,
    count(r.v) as n_matches,
    coalesce(sum(r.v), 0) as sum_matched
from lhs as l
left join rhs as r
    on {{ corridor.keys_equal('l', 'r', ['k1', 'k2']) }}
group by l.case_id
