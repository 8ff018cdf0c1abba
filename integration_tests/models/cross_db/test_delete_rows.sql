{#- corridor.delete_rows, run by a post-hook on this table: the rows the condition holds for go (ids 2 and 4 and
    the flag 'x'), the rest stays, the row whose condition is null (flag null) included, as DELETE keeps it -#}
{{ config(materialized='table', post_hook="{{ corridor.delete_rows(this, \"case_id in (2, 4) or flag = 'x'\") }}") }}

with cases as (
    select 1 as case_id, 'a' as flag, 10 as amount
    union all select 2, 'b', 20
    union all select 3, cast(null as {{ dbt.type_string() }}), 30
    union all select 4, 'x', 40
    union all select 5, 'x', 50
    union all select 6, 'c', 60
)

select case_id, flag, amount from cases
