{#
    corridor.percentiles(expr, fractions): an aggregate returning an array of
    exact, linearly interpolated sample quantiles (same definition as
    numpy.quantile's default), one per fraction, read with
    corridor.array_element(). One aggregate for several fractions is much
    cheaper than one per fraction on engines that sort once.
#}

{% macro percentiles(expr, fractions) %}
    {{ return(adapter.dispatch('percentiles', 'corridor')(expr, fractions)) }}
{% endmacro %}

{% macro default__percentiles(expr, fractions) -%}
    percentile_cont(array[{{ fractions | join(', ') }}]) within group (order by {{ expr }})
{%- endmacro %}

{% macro duckdb__percentiles(expr, fractions) -%}
    quantile_cont({{ expr }}, [{{ fractions | join(', ') }}])
{%- endmacro %}

{% macro spark__percentiles(expr, fractions) -%}
    percentile({{ expr }}, array({{ fractions | join(', ') }}))
{%- endmacro %}
