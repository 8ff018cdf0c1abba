{#
    corridor.score_bin(score): the AUC score bin of a predicted score,
    round(score × corridor_score_bins) (1,000 by default), the resolution of
    the Mann-Whitney statistic of corridor.binned_auc (scores in one bin are
    ties). Production events (corridor.event_terms) and backtest rows
    (int_corridor__offline_evaluation_histograms) are binned by this one
    definition.
#}
{% macro score_bin(score) %}
    {{ return(adapter.dispatch('score_bin', 'corridor')(score)) }}
{% endmacro %}

{% macro default__score_bin(score) -%}
    {%- set score_bins = corridor.setting('corridor_score_bins') | int -%}
    cast(round({{ score }} * {{ score_bins }}) as {{ dbt.type_int() }})
{%- endmacro %}
