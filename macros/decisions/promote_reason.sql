{#-
    corridor.promote_reason(): the decision_reason of a promote in
    corridor_model_decisions (text, to quote in SQL): every deciding rule
    passed var corridor_decision_windows windows per segment over the last
    var corridor_decision_canary_hours hours.
-#}
{% macro promote_reason() -%}
    {{ return(adapter.dispatch('promote_reason', 'corridor')()) }}
{%- endmacro %}

{% macro default__promote_reason() -%}
    {{ return('every deciding rule passed at least ' ~ corridor.setting('corridor_decision_windows')
        ~ ' window(s) per segment over the last ' ~ corridor.setting('corridor_decision_canary_hours') ~ ' h, with no warn or fail') }}
{%- endmacro %}
