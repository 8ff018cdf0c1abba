{#
    corridor.offline_evaluation_observation_rows(observations): while the
    backtest input offline_evaluation is configured, `union all` and every
    column of the relation `observations` (the shared metric schema but
    shift_reason) with a null shift_reason; nothing otherwise. Preceded by
    blank lines.
#}
{% macro offline_evaluation_observation_rows(observations) -%}
    {{ return(adapter.dispatch('offline_evaluation_observation_rows', 'corridor')(observations)) }}
{%- endmacro %}

{% macro default__offline_evaluation_observation_rows(observations) -%}
    {%- if corridor.input_config('offline_evaluation')['enabled'] %}

    union all

    select *, cast(null as {{ dbt.type_string() }}) as shift_reason from {{ observations }}
    {%- endif %}
{%- endmacro %}
