{#-
    corridor.empty_scenarios(): the select of stg_corridor__scenarios when the
    scenarios input is switched off: no rows, the staged columns with their
    types.
-#}
{% macro empty_scenarios() -%}
    {{ return(adapter.dispatch('empty_scenarios', 'corridor')()) }}
{%- endmacro %}

{% macro default__empty_scenarios() -%}
    {%- set string = dbt.type_string() -%}
    {%- set double = corridor.type_double() %}

select
    cast(null as {{ string }}) as scenario_id,
    cast(null as {{ string }}) as kind,
    cast(null as {{ string }}) as model_id,
    cast(null as {{ string }}) as segment_dimension,
    cast(null as {{ string }}) as segment_value,
    cast(null as {{ string }}) as invalid_reason,
    cast(null as {{ double }}) as duration_hours,
    cast(null as {{ double }}) as size,
    cast(null as {{ dbt.type_int() }}) as seeds,
    cast(null as {{ dbt.type_boolean() }}) as is_valid,
    cast(null as {{ dbt.type_timestamp() }}) as starts_at,
    cast(null as {{ dbt.type_timestamp() }}) as ends_at
where 1 = 0
{%- endmacro %}
