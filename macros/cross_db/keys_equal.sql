{#-
    corridor.keys_equal(left, right, keys): `left.k1 = right.k1 and left.k2 = right.k2 ...`
    for a join on several key columns (the window and segment keys that
    corridor's models join on again and again).
-#}
{% macro keys_equal(left, right, keys) -%}
    {%- for key in keys -%}
        {{ left }}.{{ key }} = {{ right }}.{{ key }}{{ '\n        and ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
