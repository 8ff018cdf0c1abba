{#- corridor.set_based_series_hooks as the pre-hooks of this model: on PostgreSQL they switch nested loops and JIT off
    for the model's transaction (read back here with current_setting, inside that transaction); every other engine
    gets no hook at all (the list is empty), so there the check is that the list is empty. The sums of 0..n of a
    per-row series (corridor.lateral_series over a fenced subquery, as the beta-quantile models use them) are the
    same with the hooks as without. A table, as the models using the hooks are: a view's query would run later, in the
    test's transaction, without them. -#}
{{ config(materialized='table', pre_hook=corridor.set_based_series_hooks()) }}
{%- set hooks = corridor.set_based_series_hooks() -%}

with cases as (
    select 1 as case_id, 3 as n
    union all select 2, 0
    union all select 3, 10
),

fenced as (
    select
        case_id,
        n,
        n * n as n_squared
    from cases
    {{ corridor.subquery_fence() }}
),

series as (
    select
        f.case_id,
        max(f.n_squared) as n_squared,
        count(*) as n_terms,
        sum(s.k) as sum_terms
    from fenced as f
    {{ corridor.lateral_series('f.n', 's', 'k') }}
    group by f.case_id
)

select
    case_id,
    n_squared,
    n_terms,
    sum_terms,
    {% if target.type == 'postgres' -%}
        {{ hooks | length }} = 2
        and current_setting('enable_nestloop') = 'off'
        and current_setting('jit') = 'off'
    {%- else -%}
        {{ 'true' if hooks | length == 0 else 'false' }}
    {%- endif %} as hooks_in_effect
from series
