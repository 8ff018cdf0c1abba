{#
    corridor.beta_cdf_uses_quadrature(a, b, series_terms): the condition (SQL)
    under which corridor.beta_cdf_query uses the quadrature
    (corridor.beta_cdf_quadrature) instead of its series: a and b above 1000
    and the series would need more than 1000 terms. The series keeps every
    smaller case (bit for bit as before), so every row costs at most ~1000
    terms or 480 nodes.
#}

{% macro beta_cdf_uses_quadrature(a, b, series_terms) -%}
    ({{ a }} > 1000 and {{ b }} > 1000 and {{ series_terms }} > 1000)
{%- endmacro %}
