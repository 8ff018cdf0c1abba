{#- corridor._fmt(x): a number as readable text in the kinds' explanations (corridor.format_number). -#}
{% macro _fmt(x) -%}{{ corridor.format_number(x) }}{%- endmacro %}
