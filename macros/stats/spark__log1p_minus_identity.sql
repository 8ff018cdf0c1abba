{#
    spark__log1p_minus_identity: corridor.log1p_minus_identity on Spark. The default body's coefficients are
    written `1.0 / 3`, `1.0 / 5`, ...: Spark reads `1.0` as a decimal literal and divides decimals to six places
    (0.333333), which cost the beta CDF and quantiles about 5e-7 relative on Spark. Here they are doubles.
#}
{% macro spark__log1p_minus_identity(u) -%}
    {%- set s = '(' ~ u ~ ' / (2 + ' ~ u ~ '))' -%}
    {%- set s2 = '(' ~ s ~ ' * ' ~ s ~ ')' -%}
    (-({{ u }}) * ({{ u }}) / (2 + {{ u }}) + 2 * {{ s }} * {{ s2 }} * (
        1.0D / 3 + {{ s2 }} * (1.0D / 5 + {{ s2 }} * (1.0D / 7 + {{ s2 }} * (1.0D / 9 + {{ s2 }} * (1.0D / 11
        + {{ s2 }} * (1.0D / 13 + {{ s2 }} * (1.0D / 15 + {{ s2 }} / 17))))))))
{%- endmacro %}
