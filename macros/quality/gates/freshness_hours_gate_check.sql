{#-
    corridor.freshness_hours_gate_check(): the input-level gate check of the
    age of the newest row of production events and of outcomes, as a gate
    check spec (see corridor.input_gate_checks). Reads input_name,
    last_arrival_at, has_rows and age_hours of the freshness_measured
    relation; an input where no row ever arrived fails (or warns when the
    check has no fail threshold).
-#}
{% macro freshness_hours_gate_check() %}
    {{ return(adapter.dispatch('freshness_hours_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__freshness_hours_gate_check() %}
    {%- set never_arrived = 'freshness_measured.last_arrival_at is null and not freshness_measured.has_rows' -%}
    {%- set age = corridor.format_decimal('freshness_measured.age_hours', 1) -%}
    {%- set status -%}
        case
            when {{ never_arrived }} then '{{ "fail" if corridor.gate_config("freshness_hours")["fail"] is not none else "warn" }}'
            else {{ corridor.gate_status('freshness_hours', 'freshness_measured.age_hours') }}
        end
    {%- endset -%}
    {%- set bad -%}
        case
            when {{ never_arrived }}
                then 'no row of ' || freshness_measured.input_name || ' has ever arrived: probable cause:'
                || ' the upstream load has not run, or the var points at the wrong relation'
            else 'the newest row of ' || freshness_measured.input_name || ' arrived ' || {{ age }} || ' h ago ('
                || coalesce(cast(freshness_measured.last_arrival_at as {{ dbt.type_string() }}), 'never')
                || '): probable cause: the upstream load has stopped'
        end
    {%- endset -%}
    {{ return({
        'name': 'freshness_hours', 'config': 'freshness_hours',
        'input_name': 'freshness_measured.input_name', 'relation': 'freshness_measured',
        'status': status, 'measured': 'freshness_measured.age_hours', 'judged': 'true',
        'checked': 'cast(null as ' ~ dbt.type_bigint() ~ ')', 'affected': 'cast(null as ' ~ dbt.type_bigint() ~ ')',
        'bad': bad, 'ok': "'newest row ' || " ~ age ~ " || ' h old'",
    }) }}
{% endmacro %}
