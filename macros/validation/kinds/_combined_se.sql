{#- corridor._combined_se(production_se): the standard error of production minus expected (independent samples), from the production
    standard error (SQL) and the column expected_se. -#}
{% macro _combined_se(production_se) -%}
    {{ return('sqrt(' ~ production_se ~ ' * ' ~ production_se ~ ' + coalesce(expected_se, 0) * coalesce(expected_se, 0))') }}
{%- endmacro %}
