{#- corridor.array_element: 1-based positions of arrays built by dbt.array_construct (doubles and text), the
    position a column: the first, a middle and the last element, a null element, and a null array. Only positions
    1 to the array's length are in the contract: past the end (or 0, or negative) the engines differ (PostgreSQL
    and DuckDB give null, DuckDB counts a negative position from the end, Spark 4's ANSI element_at raises an
    error), so no case reads there. -#}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set numbers = dbt.array_construct(['cast(1.5 as ' ~ double ~ ')', 'cast(-2.25 as ' ~ double ~ ')',
    'cast(null as ' ~ double ~ ')', 'cast(1e300 as ' ~ double ~ ')'], double) -%}
{%- set words = dbt.array_construct(["'alpha'", "'beta'", 'cast(null as ' ~ string ~ ')', "'delta'"], string) -%}
with cases as (
    select 1 as case_id, 1 as pos
    union all select 2, 2
    union all select 3, 3
    union all select 4, 4
    union all select 5, 1
),

arrays as (
    select
        case_id,
        pos,
        case when case_id <> 5 then {{ numbers }} end as numbers,
        case when case_id <> 5 then {{ words }} end as words
    from cases
)

select
    case_id,
    {{ corridor.array_element('numbers', 'pos') }} as number_at,
    {{ corridor.array_element('words', 'pos') }} as word_at,
    {{ corridor.array_element('numbers', 4) }} as last_number
from arrays
