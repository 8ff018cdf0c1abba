-- Breach rate by owner per week.
--
-- One row per owner and ISO week (weeks start on Monday) of the windows
-- judged: how many checks the owner's rules ran, how many reached a verdict,
-- how many breached (warn or fail) and how many of those survived the
-- false-discovery control (the only ones that count towards alerts).
-- breach_rate = confirmed breaches / tested checks; checks blocked by a
-- data-quality gate are counted apart: they are data incidents, not model
-- findings, and are left out of the rate.
--
-- Paste the compiled SQL (dbt compile --select breach_rate_by_owner_weekly,
-- then target/compiled/corridor/analyses/) into a BI tool, or select from it.

with results as (

    select
        owner,
        {{ dbt.date_trunc('week', 'window_start') }} as week_start,
        status,
        is_tested,
        is_breach,
        is_confirmed_breach
    from {{ ref('corridor_validation_results') }}

)

select
    owner,
    week_start,
    count(*) as checks,
    sum(case when is_tested then 1 else 0 end) as checks_tested,
    sum(case when is_breach then 1 else 0 end) as breaches,
    sum(case when is_confirmed_breach then 1 else 0 end) as confirmed_breaches,
    sum(case when status = 'fail' and is_confirmed_breach then 1 else 0 end) as confirmed_failures,
    sum(case when status = 'blocked' then 1 else 0 end) as checks_blocked,
    sum(case when status in ('inconclusive', 'missing') then 1 else 0 end) as checks_undecided,
    cast(sum(case when is_confirmed_breach then 1 else 0 end) as {{ corridor.type_double() }})
    / nullif(sum(case when is_tested then 1 else 0 end), 0) as breach_rate
from results
group by owner, week_start
order by owner, week_start
