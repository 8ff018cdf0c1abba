{#- corridor.any_reason(reasons): SQL true when any reason's condition holds (null-safe). -#}
{% macro any_reason(reasons) -%}
    {{ return(adapter.dispatch('any_reason', 'corridor')(reasons)) }}
{%- endmacro %}

{% macro default__any_reason(reasons) -%}
    ({%- for code, condition in reasons %}coalesce(({{ condition }}), false){{ ' or ' if not loop.last }}{%- endfor -%})
{%- endmacro %}
