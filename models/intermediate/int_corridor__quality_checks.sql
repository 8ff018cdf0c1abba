{#-
    Every quality gate check of this build, one row per input × window ×
    check (see corridor_quality_gates for the public table and the meaning
    of each check): the window-level checks (int_corridor__window_quality_checks)
    and the input-level checks (int_corridor__input_quality_checks, window_grain
    'input' and no window), with their thresholds (corridor.gate_config) and
    the diagnostic that fits their status.
-#}
{%- set checks = corridor._corridor_gate_defaults().keys() | list -%}

with

window_checks as (

    select * from {{ ref('int_corridor__window_quality_checks') }}

),

input_checks as (

    select * from {{ ref('int_corridor__input_quality_checks') }}

),

all_checks as (

    select * from window_checks
    union all
    select * from input_checks

),

final as (

    select
        cast(input_name as {{ dbt.type_string() }}) as input_name,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(window_grain as {{ dbt.type_string() }}) as window_grain,
        cast(check_category as {{ dbt.type_string() }}) as check_category,
        cast(check_name as {{ dbt.type_string() }}) as check_name,
        cast(gate_status as {{ dbt.type_string() }}) as gate_status,
        cast(
            case when gate_status = 'pass' then coalesce(ok_diagnostic, 'pass') else coalesce(bad_diagnostic, gate_status) end
            as {{ dbt.type_string() }}
        ) as diagnostic,
        cast(measured_value as {{ corridor.type_double() }}) as measured_value,
        {%- for level in ['warn', 'fail'] %}
        cast(case
            {%- for key in checks %}
            {%- set threshold = corridor.gate_config(key)[level] %}
            when threshold_key = '{{ key }}' then {{ threshold if threshold is not none else 'null' }}
            {%- endfor %}
        end as {{ corridor.type_double() }}) as {{ level }}_threshold,
        {%- endfor %}
        cast(rows_checked as {{ dbt.type_bigint() }}) as rows_checked,
        cast(rows_affected as {{ dbt.type_bigint() }}) as rows_affected,
        cast(window_start as {{ dbt.type_timestamp() }}) as window_start,
        cast(window_end as {{ dbt.type_timestamp() }}) as window_end

    from all_checks

)

select * from final
