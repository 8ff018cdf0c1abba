{#- Every var corridor reads. -#}
{% macro known_vars() -%}
    {{ return(adapter.dispatch('known_vars', 'corridor')()) }}
{%- endmacro %}

{% macro default__known_vars() %}
    {%- set known = [] -%}
    {%- do known.extend(corridor._corridor_settings().keys() | list) -%}
    {%- for name, spec in corridor._corridor_input_defaults().items() -%}
        {%- do known.append(spec['var']) -%}
    {%- endfor -%}
    {{ return(known | unique | list) }}
{% endmacro %}
