{#-
    corridor.binomial_cdf_z_sql(j, n, p): the normal deviate z with
    P(X <= j) ~ Phi(z) for X ~ Binomial(n, p), by Peizer and Pratt's (1968)
    approximation, which stays accurate far into the tails even when n p is
    below 1 (relative error of the tail probability within about 7 % down to
    1e-6 for n >= 20; checked against scipy.stats.binom). Rates are tested
    with it instead of a plain normal approximation, which is badly
    anti-conservative for rare events (2 errors in 82 requests at a 0.49 %
    canary rate: exact p = 0.062, normal p = 0.006).

    j = -1 gives -40 (P = 0) and j >= n gives +40 (P = 1). `j`, `n`, `p`
    should be column names; p must lie strictly between 0 and 1.
-#}

{% macro binomial_cdf_z_sql(j, n, p) -%}
    {%- set s = '(' ~ j ~ ' + 0.5)' -%}
    {%- set t = '(' ~ n ~ ' - ' ~ j ~ ' - 0.5)' -%}
    {%- set q = '(1 - ' ~ p ~ ')' -%}
    {%- set x1 = '(' ~ s ~ ' / (' ~ n ~ ' * ' ~ p ~ '))' -%}
    {%- set x2 = '(' ~ t ~ ' / (' ~ n ~ ' * ' ~ q ~ '))' -%}
    (case
        when {{ j }} < 0 then -40.0
        when {{ j }} >= {{ n }} then 40.0
        else
            ({{ j }} + 2e0 / 3 - ({{ n }} + 1e0 / 3) * {{ p }}
                + 0.02 * ({{ q }} / ({{ j }} + 1) - {{ p }} / ({{ n }} - {{ j }}) + ({{ q }} - 0.5) / ({{ n }} + 1)))
            * sqrt(
                (1 + {{ q }} * {{ corridor._peizer_pratt_g(x1) }} + {{ p }} * {{ corridor._peizer_pratt_g(x2) }})
                / (({{ n }} + 1e0 / 6) * {{ p }} * {{ q }})
            )
    end)
{%- endmacro %}

{#- g(x) = (1 - x^2 + 2 x ln x) / (1 - x)^2, with g(1) = 0 (x > 0 here). -#}

{% macro _peizer_pratt_g(x) -%}
    (case when abs({{ x }} - 1) < 1e-6 then 0.0 else (1 - {{ x }} * {{ x }} + 2 * {{ x }} * ln({{ x }})) / (({{ x }} - 1) * ({{ x }} - 1))
        end)
{%- endmacro %}
