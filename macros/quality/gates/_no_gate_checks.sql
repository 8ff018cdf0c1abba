{#-
    corridor._no_gate_checks(): a select of no rows in the columns of
    corridor.gate_check_select, for when every check of a registry is
    disabled in corridor_quality_gates (a union of no select is not SQL).
-#}
{% macro _no_gate_checks() %}
    {%- set string = dbt.type_string() -%}
    {%- set ts = dbt.type_timestamp() -%}
    {%- set bigint = dbt.type_bigint() %}
    select
        {%- for column in ['input_name', 'model_id', 'window_grain'] %}
        cast(null as {{ string }}) as {{ column }},
        {%- endfor %}
        cast(null as {{ ts }}) as window_start,
        cast(null as {{ ts }}) as window_end,
        {%- for column in ['check_category', 'check_name', 'threshold_key', 'gate_status'] %}
        cast(null as {{ string }}) as {{ column }},
        {%- endfor %}
        cast(null as {{ corridor.type_double() }}) as measured_value,
        cast(null as {{ bigint }}) as rows_checked,
        cast(null as {{ bigint }}) as rows_affected,
        cast(null as {{ string }}) as bad_diagnostic,
        cast(null as {{ string }}) as ok_diagnostic

    where 1 = 0
{% endmacro %}
