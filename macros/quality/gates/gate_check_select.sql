{#-
    corridor.gate_check_select(check, relation, window_level): the select of
    one quality gate check over `relation`, from its gate check spec (see
    corridor.window_gate_checks and corridor.input_gate_checks), in the
    columns every check returns. Window-level checks read model_id,
    window_grain, window_start and window_end of `relation`; input-level
    checks have window_grain 'input', no window, and model id check['model_id']
    (default 'all'). check['status'], when given, replaces the status from the
    thresholds (corridor.gate_status); check['where'] filters the rows.
-#}
{% macro gate_check_select(check, relation, window_level=false) %}
    {{ return(adapter.dispatch('gate_check_select', 'corridor')(check, relation, window_level)) }}
{% endmacro %}

{% macro default__gate_check_select(check, relation, window_level=false) %}
    {%- set cfg = corridor.gate_config(check['config']) -%}
    {%- set ts = dbt.type_timestamp() %}
    select
        {{ check['input_name'] }} as input_name,
        {%- if window_level %}
        model_id,
        window_grain,
        window_start,
        window_end,
        {%- else %}
        {{ check.get('model_id', "'all'") }} as model_id,
        'input' as window_grain,
        cast(null as {{ ts }}) as window_start,
        cast(null as {{ ts }}) as window_end,
        {%- endif %}
        '{{ cfg["category"] }}' as check_category,
        '{{ check["name"] }}' as check_name,
        '{{ check["config"] }}' as threshold_key,
        {{ check.get('status') or corridor.gate_status(check['config'], check['measured'], check['judged']) }} as gate_status,
        cast({{ check['measured'] }} as {{ corridor.type_double() }}) as measured_value,
        cast({{ check['checked'] }} as {{ dbt.type_bigint() }}) as rows_checked,
        cast({{ check['affected'] }} as {{ dbt.type_bigint() }}) as rows_affected,
        {{ check['bad'] }} as bad_diagnostic,
        {{ check['ok'] }} as ok_diagnostic

    from {{ relation }}
    {%- if check.get('where') %}
    where {{ check['where'] }}
    {%- endif %}
{% endmacro %}
