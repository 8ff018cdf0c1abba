{#
    corridor.calibration_bin(score): the equal-width calibration bin of a
    predicted score, floor(score × corridor_calibration_bins) with a score of
    1 in the last bin; expected calibration error sums its gaps
    (corridor.calibration_gap). Shared by production events
    (corridor.event_terms) and backtest rows
    (int_corridor__offline_evaluation_histograms).
#}
{% macro calibration_bin(score) %}
    {{ return(adapter.dispatch('calibration_bin', 'corridor')(score)) }}
{% endmacro %}

{% macro default__calibration_bin(score) -%}
    {%- set calibration_bins = corridor.setting('corridor_calibration_bins') | int -%}
    cast(least(floor({{ score }} * {{ calibration_bins }}), {{ calibration_bins - 1 }}) as {{ dbt.type_int() }})
{%- endmacro %}
