{#-
    corridor.compare_relative(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable):
    the relative comparison kind. Its tolerances were already turned into
    metric units (fraction x |expected|), so the test is the absolute one.
-#}
{% macro compare_relative(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {{ return(adapter.dispatch('compare_relative', 'corridor')(production_se, tolerance, se_at_tolerance, se_at_expected,
        production_se_at_detectable)) }}
{% endmacro %}

{% macro default__compare_relative(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable) %}
    {{ return(corridor.default__compare_absolute(production_se, tolerance, se_at_tolerance, se_at_expected, production_se_at_detectable)) }}
{% endmacro %}
