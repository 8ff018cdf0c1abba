{#
    Standard error of a sample mean from sufficient statistics: the sum, the
    sum of squares and the count (SQL expressions). Uses the n - 1 sample
    variance; null below two observations.
#}
{% macro mean_standard_error(sum_expr, sum_squares_expr, n_expr) -%}
    {{ return(adapter.dispatch('mean_standard_error', 'corridor')(sum_expr, sum_squares_expr, n_expr)) }}
{%- endmacro %}

{% macro default__mean_standard_error(sum_expr, sum_squares_expr, n_expr) -%}
    case when {{ n_expr }} > 1 then sqrt(greatest(
        ({{ sum_squares_expr }} - {{ sum_expr }} * {{ sum_expr }} / {{ n_expr }}) / ({{ n_expr }} - 1), 0.0) / {{ n_expr }}) end
{%- endmacro %}
