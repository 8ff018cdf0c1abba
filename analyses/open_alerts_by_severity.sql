-- Open alerts by severity.
--
-- One row per rule severity with at least one open alert: how many are open,
-- how many owners and rules they involve, the oldest still open, the longest
-- episode, and how many of them had a data-quality gate fail in some window of
-- the episode (look at corridor_quality_gates before blaming the model).
-- dbt_severity is what the corridor.rules_hold test does with the severity
-- (var corridor_severity_levels): error fails the build, warn warns.

select
    severity,
    dbt_severity,
    count(*) as open_alerts,
    count(distinct owner) as owners,
    count(distinct rule_id) as rules,
    min(first_seen_window_start) as oldest_first_seen,
    max(last_seen_window_end) as latest_breached_window_end,
    max(windows_breached) as most_windows_breached,
    sum(case when data_gates_failed then 1 else 0 end) as alerts_with_failed_data_gates
from {{ ref('corridor_alerts') }}
where alert_status = 'open'
group by severity, dbt_severity
order by
    case dbt_severity when 'error' then 0 when 'warn' then 1 else 2 end asc,
    open_alerts desc,
    severity asc
