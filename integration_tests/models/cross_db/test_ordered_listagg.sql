{#- corridor.ordered_listagg: items in the order asked for (descending keys, ties broken by a second key, repeated
    items, distinct next to a distinct count), null for a group without values; rows arrive in an order unlike the one asked for -#}
with items as (
    select 1 as case_id, 'b' as item, 2 as rank_key
    union all select 1, 'a', 1
    union all select 1, 'd', 3
    union all select 1, 'c', 2
    union all select 2, cast(null as {{ dbt.type_string() }}), 1
    union all select 3, 'y', 1
    union all select 3, 'x', 4
    union all select 3, 'y', 3
    union all select 3, 'x', 2
)

select
    case_id,
    {{ corridor.ordered_listagg('item', "', '", 'order by rank_key desc, item') }} as by_rank,
    {{ corridor.ordered_listagg('distinct item', "', '", 'order by item') }} as distinct_items,
    -- a distinct count in the same aggregate (Spark's optimizer rewrites such aggregates)
    count(distinct item) as distinct_count
from items
group by case_id
