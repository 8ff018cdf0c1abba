{#-
    corridor.confidence_z(): the two-sided standard normal quantile of the
    configured confidence level, corridor.z_for_level(corridor_confidence_level)
    (1.96 at 0.95): the z of the normal and Wilson intervals.
-#}
{% macro confidence_z() -%}
    {{ return(adapter.dispatch('confidence_z', 'corridor')()) }}
{%- endmacro %}

{% macro default__confidence_z() -%}
    {{ return(corridor.z_for_level(corridor.setting('corridor_confidence_level'))) }}
{%- endmacro %}
