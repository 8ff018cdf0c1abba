{#- corridor.reason_codes(reasons): SQL text listing the codes whose condition holds, comma-separated, in list order. -#}
{% macro reason_codes(reasons) -%}
    {{ return(adapter.dispatch('reason_codes', 'corridor')(reasons)) }}
{%- endmacro %}

{% macro default__reason_codes(reasons) -%}
    concat_ws(','
    {%- for code, condition in reasons %}, case when coalesce(({{ condition }}), false) then {{ corridor.sql_string(code) }} end
    {%- endfor -%})
{%- endmacro %}
