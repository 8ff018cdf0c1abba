{#- corridor.count_where: per group, the rows where a condition is true (a null condition counts as false), as a
    bigint on every engine; over no row, 0 (an ungrouped aggregate), as count_if gives -#}
with rows_in as (
    select 1 as case_id, true as flag
    union all select 1, false
    union all select 1, cast(null as boolean)
    union all select 1, true
    union all select 2, false
    union all select 2, cast(null as boolean)
    union all select 3, true
),

grouped as (
    select
        case_id,
        {{ corridor.count_where('flag') }} as n_true,
        {{ corridor.count_where('not flag') }} as n_false,
        count(*) as n_rows
    from rows_in
    group by case_id
),

no_row as (
    select
        4 as case_id,
        {{ corridor.count_where('flag') }} as n_true,
        {{ corridor.count_where('not flag') }} as n_false,
        count(*) as n_rows
    from rows_in
    where case_id = 0
)

select case_id, n_true, n_false, n_rows from grouped
union all
select case_id, n_true, n_false, n_rows from no_row
