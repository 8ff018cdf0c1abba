{#
    corridor.calibration_gap(score_sum, n_positive): the gap of one
    calibration bin (corridor.calibration_bin), |sum of scores - positives|,
    as an aggregate over the rows of the bin's histogram (exact decimals:
    score_sum as corridor.exact_decimal_sum, n_positive a count or a weight
    sum). Expected calibration error is the sum of the gaps over the
    evaluated count. Shared by production and the backtest rows.
#}
{% macro calibration_gap(score_sum, n_positive) %}
    {{ return(adapter.dispatch('calibration_gap', 'corridor')(score_sum, n_positive)) }}
{% endmacro %}

{% macro default__calibration_gap(score_sum, n_positive) -%}
    abs(sum({{ score_sum }}) - cast(sum({{ n_positive }}) as decimal(38, 12)))
{%- endmacro %}
