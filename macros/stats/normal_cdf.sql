{#-
    corridor.normal_cdf_sql(x): the standard normal distribution function
    Phi(x) as a per-row SQL expression, accurate to about 1e-14 absolutely and
    with small relative error far into the lower tail (Hart's 1968 rational
    approximation as arranged by G. West, "Better approximations to cumulative
    normal functions", 2005, with a continued fraction beyond |x| = 7.07).

    Upper-tail probabilities are obtained as Phi(-z), never as 1 - Phi(z), so
    p-values of 1e-12 keep their digits. `x` should be a column name or a
    simple expression: it is repeated in the generated SQL. Engines with a
    native erfc may override this through dispatch.
-#}
{% macro normal_cdf_sql(x) -%}
    {{ return(adapter.dispatch('normal_cdf_sql', 'corridor')(x)) }}
{%- endmacro %}

{% macro default__normal_cdf_sql(x) -%}
    {%- set a = 'abs(' ~ x ~ ')' -%}
    {%- set e = 'exp(-' ~ a ~ ' * ' ~ a ~ ' / 2.0)' -%}
    {%- set num = '((((((0.0352624965998911 * ' ~ a ~ ' + 0.700383064443688) * ' ~ a ~ ' + 6.37396220353165) * ' ~ a ~ ' + '
        '33.912866078383) * ' ~ a ~ ' + 112.079291497871) * ' ~ a ~ ' + 221.213596169931) * ' ~ a ~ ' + 220.206867912376)' -%}
    {%- set den = '(((((((0.0883883476483184 * ' ~ a ~ ' + 1.75566716318264) * ' ~ a ~ ' + 16.064177579207) * ' ~ a ~ ' + '
        '86.7807322029461) * ' ~ a ~ ' + 296.564248779674) * ' ~ a ~ ' + 637.333633378831) * ' ~ a ~ ' + 793.826512519948) * ' ~ a ~ ' + '
        '440.413735824752)' -%}
    {%- set cf = '(' ~ a ~ ' + 1.0 / (' ~ a ~ ' + 2.0 / (' ~ a ~ ' + 3.0 / (' ~ a ~ ' + 4.0 / (' ~ a ~ ' + 0.65)))))' -%}
    {#- the lower tail Phi(-|x|); exp() is clamped below so no engine underflows to an error -#}
    {%- set tail = 'case when ' ~ a ~ ' > 37 then 0.0 when ' ~ a ~ ' < 7.07106781186547 then ' ~ e ~ ' * ' ~ num ~ ' / ' ~ den ~ ' else '
        ~ e ~ ' / ' ~ cf ~ ' / 2.506628274631 end' -%}
    (case
        when {{ x }} is null then null
        when {{ x }} <= 0 then {{ tail }}
        else 1.0 - ({{ tail }})
    end)
{%- endmacro %}


{#-
    corridor.normal_upper_tail_sql(x): 1 - Phi(x), computed as Phi(-x) so that
    small tail probabilities are accurate.
-#}
{% macro normal_upper_tail_sql(x) -%}
    {{ return(corridor.normal_cdf_sql('(-(' ~ x ~ '))')) }}
{%- endmacro %}


{#-
    corridor.t_to_z_sql(t, df): the standard normal deviate with (about) the
    same tail probability as Student's t with `df` degrees of freedom
    (Wallace, 1959: z = (8 df + 1) / (8 df + 3) sqrt(df ln(1 + t^2 / df))).
    Slightly conservative in the far tail (p-values a little too large),
    which is the safe side for false alarms. Null df leaves t unchanged.
-#}
{% macro t_to_z_sql(t, df) -%}
    (case
        when {{ df }} is null then {{ t }}
        when {{ df }} < 1 then null
        else sign({{ t }}) * (8.0 * {{ df }} + 1) / (8.0 * {{ df }} + 3) * sqrt({{ df }} * ln(1 + {{ t }} * {{ t }} / {{ df }}))
    end)
{%- endmacro %}


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
