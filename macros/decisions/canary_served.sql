{#-
    corridor.canary_served(first_window_start, cutoff_at): SQL condition: a
    model version whose first window started at `first_window_start` has
    served the canary period (var corridor_decision_canary_hours) by
    `cutoff_at`.
-#}
{% macro canary_served(first_window_start, cutoff_at) -%}
    {{ return(adapter.dispatch('canary_served', 'corridor')(first_window_start, cutoff_at)) }}
{%- endmacro %}

{% macro default__canary_served(first_window_start, cutoff_at) -%}
    {{ return(first_window_start ~ ' <= '
        ~ dbt.dateadd('hour', -corridor.setting('corridor_decision_canary_hours'), cutoff_at)) }}
{%- endmacro %}
