{#- corridor.lateral_series: one row per integer 0..stop for each row, the stop a per-row expression (0 gives one
    row); the sum of k^2 over the series checks every term, against the closed form n(n+1)(2n+1)/6 -#}
with cases as (
    select 1 as case_id, 4 as n
    union all select 2, 0
    union all select 3, 25
)

select
    c.case_id,
    count(*) as n_terms,
    sum(s.k * s.k) as sum_squares,
    min(s.k) as first_term,
    max(s.k) as last_term
from cases as c
{{ corridor.lateral_series('c.n', 's', 'k') }}
group by c.case_id
