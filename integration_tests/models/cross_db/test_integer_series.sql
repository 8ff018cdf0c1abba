{#- corridor.integer_series: start..stop inclusive, bounds from scalar subqueries -#}
with bounds as (
    select 3 as lo, 7 as hi
),

series as (
    select n from {{ corridor.integer_series('(select lo from bounds)', '(select hi from bounds)') }} as s
)

select
    1 as case_id,
    count(*) as n_values,
    sum(n) as sum_values,
    min(n) as min_value,
    max(n) as max_value
from series
