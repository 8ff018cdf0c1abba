{#-
    The data-quality gates: one row per input × window × check, with its
    status (pass, warn, fail), the measured value, the warn and fail
    thresholds, the rows checked and affected, and a diagnostic naming the
    probable cause. Window-level checks carry the window (grain hour, day or
    week); input-level checks have window_grain 'input'. The verdict per
    window is int_corridor__window_gate_status.
-#}
with

checks as (

    select * from {{ ref('int_corridor__quality_checks') }}

),

final as (

    select
        cast({{ dbt.hash(dbt.concat([
            'input_name', "'|'", 'model_id', "'|'", 'window_grain', "'|'",
            "coalesce(" ~ dbt.cast('window_start', dbt.type_string()) ~ ", '-')", "'|'", 'check_name'
        ])) }} as {{ dbt.type_string() }}) as gate_id,
        input_name,
        model_id,
        window_grain,
        check_category,
        check_name,
        gate_status,
        diagnostic,
        measured_value,
        warn_threshold,
        fail_threshold,
        rows_checked,
        rows_affected,
        window_start,
        window_end

    from checks

)

select * from final
