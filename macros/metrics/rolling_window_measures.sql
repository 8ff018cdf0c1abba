{#-
    corridor.rolling_window_measures(): what int_corridor__rolling_window_stats
    sums over the day cells of a rolling window, {'counts': the counts n_*
    of int_corridor__production_window_stats, 'sums': [(sum, decimals), ...]
    the float sums, summed exactly through decimals with that many digits
    after the point (corridor.exact_sum_parts)}.
-#}
{% macro rolling_window_measures() -%}
    {{ return(adapter.dispatch('rolling_window_measures', 'corridor')()) }}
{%- endmacro %}

{% macro default__rolling_window_measures() -%}
    {{ return({
        'counts': [
            'n_events', 'n_errors', 'n_latency', 'n_labeled', 'n_evaluated', 'n_positive',
            'n_true_positive', 'n_false_positive', 'n_true_negative', 'n_false_negative', 'n_slow',
        ],
        'sums': [
            ('latency_sum', 9), ('latency_sum_squares', 9), ('log_loss_sum', 12), ('log_loss_sum_squares', 12),
            ('brier_sum', 12), ('brier_sum_squares', 12), ('abs_error_sum', 12), ('abs_error_sum_squares', 12),
            ('squared_error_sum', 12), ('squared_error_sum_squares', 12),
        ],
    }) }}
{%- endmacro %}
