{#
    corridor.standard_normal_cdf(x): Phi(x) as a SQL expression. corridor has
    one normal CDF, corridor.normal_cdf_sql (accurate to about 1e-14, tails
    as Phi(-|x|)); this name is kept for its callers and delegates to it (it
    was Numerical Recipes' erfcc, absolute error up to 1.2e-7).
#}
{% macro standard_normal_cdf(x) -%}
    {{ return(adapter.dispatch('standard_normal_cdf', 'corridor')(x)) }}
{%- endmacro %}

{% macro default__standard_normal_cdf(x) -%}
    {{ corridor.normal_cdf_sql('(' ~ x ~ ')') }}
{%- endmacro %}
