{#
    corridor.z_for_level(level): the two-sided critical value of a
    confidence level, a Jinja number (1.95996 for 0.95), from
    corridor.normal_quantile.
#}

{% macro z_for_level(level) %}
    {{ return(corridor.normal_quantile(1 - (1 - level) / 2)) }}
{% endmacro %}
