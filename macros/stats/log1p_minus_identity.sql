{#
    corridor.log1p_minus_identity(u): ln(1 + u) - u as a SQL expression,
    without the cancellation of computing it from ln(): with s = u / (2 + u),
    ln(1 + u) = 2 atanh(s), so ln(1 + u) - u = -u² / (2 + u) + 2 (s³/3 + s⁵/5
    + ... + s¹⁷/17). Relative error below 1e-15 for |u| <= 0.25 (s <= 1/7);
    `u` should be a column (it is repeated).
#}
{% macro log1p_minus_identity(u) -%}
    {{ return(adapter.dispatch('log1p_minus_identity', 'corridor')(u)) }}
{%- endmacro %}

{% macro default__log1p_minus_identity(u) -%}
    {%- set s = '(' ~ u ~ ' / (2 + ' ~ u ~ '))' -%}
    {%- set s2 = '(' ~ s ~ ' * ' ~ s ~ ')' -%}
    (-({{ u }}) * ({{ u }}) / (2 + {{ u }}) + 2 * {{ s }} * {{ s2 }} * (
        1.0 / 3 + {{ s2 }} * (1.0 / 5 + {{ s2 }} * (1.0 / 7 + {{ s2 }} * (1.0 / 9 + {{ s2 }} * (1.0 / 11
        + {{ s2 }} * (1.0 / 13 + {{ s2 }} * (1.0 / 15 + {{ s2 }} / 17))))))))
{%- endmacro %}
