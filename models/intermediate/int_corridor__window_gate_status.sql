{#-
    The verdict of the quality gates for every production window: one row
    per model id × window grain × window start (hour, day, week, month), for every
    window of the production window grid. A rolling window
    (corridor.rolling_windows) carries the checks of each of its days.

    - gate_status: the worst status of the window-level checks of that
      window ('fail' > 'warn' > 'pass'); input-level checks (freshness,
      schema) are reported in corridor_quality_gates but do not judge a
      window.
    - failing_checks: the names of the checks that set gate_status,
      comma-separated in alphabetical order ('' when the window passes).
    - gate_diagnostic: one readable line: what failed and its probable cause.

    Validation results use it to say `blocked` (a data problem, not a model
    problem) when gate_status = 'fail', and alerts to say whether their data
    passed its gates.
-#}

with

window_checks as (

    select * from {{ ref('int_corridor__quality_checks') }}
    where window_grain <> 'input'

),

rolling_offsets as (

    {{ corridor.rolling_offsets() }}

),

{# a rolling window (corridor.rolling_windows) is judged by the checks of its days: blocked when a day failed #}
checks as (

    select
        model_id,
        window_grain,
        check_name,
        gate_status,
        diagnostic,
        window_start,
        window_end

    from window_checks

    union all

    select
        window_checks.model_id,
        offsets.window_grain,
        window_checks.check_name,
        window_checks.gate_status,
        window_checks.diagnostic,
        {{ corridor.window_offset('day', '-offsets.days_back', 'window_checks.window_start') }} as window_start,
        {{ corridor.window_offset('day', 'offsets.days - offsets.days_back', 'window_checks.window_start') }} as window_end

    from window_checks
    inner join rolling_offsets as offsets
        on window_checks.window_grain = 'day'

),

final as (

    {{ corridor.gate_verdict_select('checks', ['model_id', 'window_grain', 'window_start']) }}

)

select
    cast(model_id as {{ dbt.type_string() }}) as model_id,
    cast(window_grain as {{ dbt.type_string() }}) as window_grain,
    gate_status,
    failing_checks,
    gate_diagnostic,
    n_checks,
    n_failed,
    n_warned,
    cast(window_start as {{ dbt.type_timestamp() }}) as window_start,
    window_end

from final
