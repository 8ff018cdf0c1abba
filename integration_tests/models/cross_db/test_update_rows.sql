{#- corridor.update_rows, run by a post-hook on this table: the rows the condition holds for get the assigned
    expressions, evaluated on the row itself (amount * 2, a text, a null); the rest, and the row whose condition is
    null, keep their values -#}
{{ config(materialized='table', post_hook="{{ corridor.update_rows(this, {'amount': 'amount * 2', 'flag': \"'done'\", 'note': 'null'}, \"flag = 'b' or case_id = 4\") }}") }}

with cases as (
    select 1 as case_id, 'a' as flag, 10 as amount, 'keep' as note
    union all select 2, 'b', 20, 'old'
    union all select 3, cast(null as {{ dbt.type_string() }}), 30, 'keep'
    union all select 4, 'x', 40, 'old'
)

select case_id, flag, amount, note from cases
