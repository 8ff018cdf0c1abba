{#- corridor.group_key: one key per group, equal to its own group's key (a group with a null key too) and to no
    other's, where the keys' texts run together ('a, b' + 'c' and 'a' + 'b, c': the text of a struct on Spark) -#}
with keyed_rows as (
    select 1 as case_id, 'a, b' as k1, 'c' as k2, 1 as k3
    union all select 2, 'a', 'b, c', 1
    union all select 3, 'a', 'b, c', 1
    union all select 4, 'a', 'b, c', 2
    union all select 5, 'a|b', '', 1
    union all select 6, 'a', 'b|', 1
    union all select 7, cast(null as {{ dbt.type_string() }}), 'c', 1
    union all select 8, cast(null as {{ dbt.type_string() }}), 'c', 1
),

key_groups as (
    select
        min(case_id) as first_case_id,
        count(*) as n_rows,
        {{ corridor.group_key(['k1', 'k2', 'k3']) }} as group_id
    from keyed_rows
    group by k1, k2, k3
)

select
    key_groups.first_case_id as case_id,
    key_groups.n_rows,
    count(same_key.first_case_id) as n_same_key
from key_groups
left join key_groups as same_key
    on key_groups.group_id = same_key.group_id
group by key_groups.first_case_id, key_groups.n_rows
