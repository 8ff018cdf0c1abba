-- Time to detect, per alert.
--
-- An alert opens at the end of the window that completes its rule's
-- consecutive_windows confirmed breaches. Time to detect is measured from the
-- start of the first breached window of the episode (the earliest time the
-- corridor saw the problem) to the end of the window that opened the alert
-- (the earliest time anyone could have been told), in hours. Add how long
-- after a window closes your scheduler runs dbt build for the wall-clock
-- delay. windows_to_confirm is how many windows that took: set
-- consecutive_windows lower for faster detection at the price of more false
-- alerts (docs/validation.md).

with alerts as (

    select
        alert_id,
        rule_id,
        rule_version,
        metric,
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        window_grain,
        owner,
        severity,
        alert_status,
        consecutive_windows,
        first_seen_window_start,
        opened_window_start,
        case window_grain
            when 'hour' then {{ dbt.dateadd('hour', 1, 'opened_window_start') }}
            when 'day' then {{ dbt.dateadd('day', 1, 'opened_window_start') }}
            when 'week' then {{ dbt.dateadd('day', 7, 'opened_window_start') }}
        end as detected_at
    from {{ ref('corridor_alerts') }}

)

select
    alert_id,
    rule_id,
    rule_version,
    metric,
    model_id,
    model_version,
    segment_dimension,
    segment_value,
    window_grain,
    owner,
    severity,
    alert_status,
    first_seen_window_start,
    detected_at,
    cast({{ dbt.datediff(
        'first_seen_window_start', 'detected_at', 'minute'
    ) }} as {{ corridor.type_double() }})
    / 60 as time_to_detect_hours,
    consecutive_windows as windows_to_confirm
from alerts
order by first_seen_window_start, rule_id, segment_dimension, segment_value
