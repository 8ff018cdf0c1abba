{#-
    corridor.freshness_against_data_end(): true when the inputs' freshness is
    measured against the end of their own data rather than the reference
    time: the demo (corridor.demo_mode), whose data is static, without var
    corridor_as_of.
-#}
{% macro freshness_against_data_end() -%}
    {{ return(adapter.dispatch('freshness_against_data_end', 'corridor')()) }}
{%- endmacro %}

{% macro default__freshness_against_data_end() -%}
    {{ return(corridor.demo_mode() and corridor.setting('corridor_as_of') is none) }}
{%- endmacro %}
