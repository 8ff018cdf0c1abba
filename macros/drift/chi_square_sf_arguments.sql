{#-
    corridor.chi_square_sf_arguments(x, df): the two normal-CDF arguments of
    corridor.chi_square_sf as SQL expressions, {wilson_hilferty, root}:
      wilson_hilferty  ((x / df)^(1/3) - (1 - 2 / (9 df))) / sqrt(2 / (9 df)),
                       the Wilson-Hilferty deviate (df > 20)
      root             sqrt(x) (odd df; x floored at 1e-300)
    The normal CDF repeats its argument about 25 times: a model selects these
    as columns first and passes their names to chi_square_sf (through
    corridor.drift_p_value), so the compiled SQL holds each expression once.
    The same expressions chi_square_sf builds inline, so the p-values are the
    same to the last bit.
-#}
{% macro chi_square_sf_arguments(x, df) %}
    {{ return(adapter.dispatch('chi_square_sf_arguments', 'corridor')(x, df)) }}
{% endmacro %}

{% macro default__chi_square_sf_arguments(x, df) -%}
    {%- set k = '(' ~ df ~ ')' -%}
    {{ return({
        'wilson_hilferty': '((power(greatest(' ~ x ~ ', 0) / ' ~ k ~ ', 1e0 / 3) - (1 - 2e0 / (9 * ' ~ k ~ '))) / sqrt(2e0 / (9 * ' ~ k
            ~ ')))',
        'root': 'sqrt(greatest(' ~ x ~ ', 1e-300))',
    }) }}
{%- endmacro %}
