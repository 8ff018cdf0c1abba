{#
    corridor.offline_evaluation_observations_cte(): while the backtest input
    offline_evaluation is configured, the CTE offline_evaluation (preceded by
    blank lines, followed by a comma) reading
    int_corridor__offline_evaluation_observations; nothing otherwise.
#}
{% macro offline_evaluation_observations_cte() -%}
    {{ return(adapter.dispatch('offline_evaluation_observations_cte', 'corridor')()) }}
{%- endmacro %}

{% macro default__offline_evaluation_observations_cte() -%}
{%- if corridor.input_config('offline_evaluation')['enabled'] %}

{# offline estimates corridor computes from the backtest rows, and those reweighted to production's features (docs/offline-evaluation.md) #}
offline_evaluation as (

    select * from {{ ref('int_corridor__offline_evaluation_observations') }}

),
{%- endif %}
{%- endmacro %}
