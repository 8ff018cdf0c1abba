{#
    corridor.value_domain(): the largest magnitudes corridor accepts, as
    {latency_ms, regression_value}. Values beyond them are quarantined
    (latency_ms_out_of_range, predicted_value_out_of_range,
    label_out_of_range) rather than allowed to overflow a sum: with them
    every summed term (a latency's square, a regression error's fourth
    power) stays below 1e42, inside what corridor.exact_sum_parts sums
    exactly for up to 10^12 rows.

    - latency_ms: 1e15 ms (about 31,700 years).
    - regression_value: |prediction| and |label| up to 1e10 (errors up to
      2e10, fourth powers up to 1.6e41).
#}
{% macro value_domain() %}
    {{ return(adapter.dispatch('value_domain', 'corridor')()) }}
{% endmacro %}

{% macro default__value_domain() %}
    {{ return({'latency_ms': '1e15', 'regression_value': '1e10'}) }}
{% endmacro %}
