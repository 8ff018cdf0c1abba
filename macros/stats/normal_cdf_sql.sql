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
