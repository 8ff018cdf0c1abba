{#-
    corridor.kolmogorov_sf(x): P(K > x) of the Kolmogorov distribution (the
    limit of sqrt(n) D_n), the asymptotic p-value of a KS statistic; as
    scipy.special.kolmogorov / scipy.stats.kstwobign.sf. Two series, each
    where it converges fast (absolute error below 1e-10):
      x < 1:  1 - sqrt(2 pi) / x * sum_{j=1..4} exp(-(2j - 1)^2 pi^2 / (8 x^2))
      x >= 1: 2 * sum_{j=1..6} (-1)^(j - 1) exp(-2 j^2 x^2)
-#}
{% macro kolmogorov_sf(x) %}
    {{ return(adapter.dispatch('kolmogorov_sf', 'corridor')(x)) }}
{% endmacro %}

{% macro default__kolmogorov_sf(x) -%}
    (case
        when ({{ x }}) is null then null
        when ({{ x }}) <= 0.04 then 1.0
        when ({{ x }}) < 1 then 1.0 - 2.5066282746310002 / ({{ x }}) * (
            {%- for j in range(1, 5) %}
            exp(greatest(-{{ (2 * j - 1) ** 2 }} * 9.869604401089358 / (8 * ({{ x }}) * ({{ x }})), -700.0)){{ ' +' if not loop.last }}
            {%- endfor %}
        )
        else least(1.0, greatest(0.0, 2 * (
            {%- for j in range(1, 7) %}
            {{ '+' if j % 2 == 1 else '-' }} exp(greatest(-{{ 2 * j * j }} * ({{ x }}) * ({{ x }}), -700.0))
            {%- endfor %}
        )))
    end)
{%- endmacro %}
