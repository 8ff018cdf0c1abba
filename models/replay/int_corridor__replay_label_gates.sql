{#-
    The quality gates of the windows whose labels were still arriving, as of
    each replay point: one row per as_of × model id × grain × window of
    int_corridor__replay_label_stats, the verdict of the build's window-level
    checks (int_corridor__quality_checks) with label maturity judged as of
    that point instead (corridor.label_maturity_gate_check: the share of the
    window's events whose label had arrived, judged once the window is
    older than corridor_label_maturity_horizon_hours at that point), summed
    up as int_corridor__window_gate_status does (corridor.gate_verdict_select).
    A rolling window carries the checks of its days, as in the build: as of
    the point for a day whose labels were still arriving, else the build's.
-#}
{%- set maturity = corridor.label_maturity_gate_check() %}

with

stats as (

    select * from {{ ref('int_corridor__replay_label_stats') }}
    where segment_dimension = 'all'

),

window_checks as (

    select * from {{ ref('int_corridor__quality_checks') }}
    where window_grain <> 'input'

),

{# the labels of the window not arrived yet at as_of (the versions of int_corridor__replay_label_stats: the others had all theirs) #}
pending as (

    select
        as_of,
        model_id,
        window_grain,
        window_start,
        max(window_end) as window_end,
        sum(n_labeled_total - n_labeled) as labels_pending

    from stats
    group by
        as_of,
        model_id,
        window_grain,
        window_start

),

windows as (

    select
        pending.as_of,
        pending.model_id,
        pending.window_grain,
        pending.window_start,
        pending.window_end,
        build.rows_checked as n_events,
        build.rows_checked - build.rows_affected - pending.labels_pending as n_labeled,
        {{ dbt.datediff(
            'pending.window_end', 'pending.as_of', 'hour'
        ) }} as age_hours

    from pending
    inner join window_checks as build
        on pending.model_id = build.model_id
        and pending.window_grain = build.window_grain
        and pending.window_start = build.window_start
        and build.check_name = 'label_maturity'

),

maturity as (

    select
        *,
        {{ corridor.gate_status(maturity['config'], maturity['measured'], maturity['judged']) }} as gate_status

    from windows

),

checks as (

    select
        pending.as_of,
        window_checks.model_id,
        window_checks.window_grain,
        window_checks.window_start,
        window_checks.window_end,
        window_checks.check_name,
        window_checks.gate_status,
        window_checks.diagnostic

    from pending
    inner join window_checks
        on pending.model_id = window_checks.model_id
        and pending.window_grain = window_checks.window_grain
        and pending.window_start = window_checks.window_start
    where window_checks.check_name <> 'label_maturity'

    union all

    select
        as_of,
        model_id,
        window_grain,
        window_start,
        window_end,
        '{{ maturity["name"] }}' as check_name,
        gate_status,
        case
            when gate_status = 'pass' then coalesce({{ maturity['ok'] }}, 'pass')
            else coalesce({{ maturity['bad'] }}, gate_status)
        end as diagnostic

    from maturity

),

rolling_offsets as (

    {{ corridor.rolling_offsets() }}

),

{# the days of each rolling window #}
rolling_days as (

    select
        pending.as_of,
        pending.model_id,
        pending.window_grain,
        pending.window_start,
        pending.window_end,
        {{ corridor.window_offset('day', 'offsets.days_back', 'pending.window_start') }} as day_start

    from pending
    inner join rolling_offsets as offsets
        on pending.window_grain = offsets.window_grain

),

all_checks as (

    select * from checks

    union all

    select
        rolling_days.as_of,
        rolling_days.model_id,
        rolling_days.window_grain,
        rolling_days.window_start,
        rolling_days.window_end,
        day_checks.check_name,
        day_checks.gate_status,
        day_checks.diagnostic

    from rolling_days
    inner join checks as day_checks
        on rolling_days.as_of = day_checks.as_of
        and rolling_days.model_id = day_checks.model_id
        and rolling_days.day_start = day_checks.window_start
        and day_checks.window_grain = 'day'

    union all

    {# a day of the window without events of a version still missing labels: the build's checks of it #}
    select
        rolling_days.as_of,
        rolling_days.model_id,
        rolling_days.window_grain,
        rolling_days.window_start,
        rolling_days.window_end,
        window_checks.check_name,
        window_checks.gate_status,
        window_checks.diagnostic

    from rolling_days
    inner join window_checks
        on rolling_days.model_id = window_checks.model_id
        and rolling_days.day_start = window_checks.window_start
        and window_checks.window_grain = 'day'
    left join pending as pending_days
        on rolling_days.as_of = pending_days.as_of
        and rolling_days.model_id = pending_days.model_id
        and rolling_days.day_start = pending_days.window_start
        and pending_days.window_grain = 'day'
    where pending_days.as_of is null

),

final as (

    {{ corridor.gate_verdict_select('all_checks', ['as_of', 'model_id', 'window_grain', 'window_start']) }}

)

select * from final
