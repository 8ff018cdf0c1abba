{% macro compare_relative() %}
    {{ return(adapter.dispatch('compare_relative', 'corridor')()) }}
{% endmacro %}

{#- Relative: the tolerances were already turned into metric units (fraction x |expected|); the test is the absolute one. -#}
{% macro default__compare_relative() %}
    {{ return(corridor.default__compare_absolute()) }}
{% endmacro %}
