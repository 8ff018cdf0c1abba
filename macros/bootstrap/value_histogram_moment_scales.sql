{#-
    corridor.value_histogram_moment_scales(moment_scales): a query of one row
    per bounded mean family (family, scale) of `moment_scales`
    (corridor.value_histogram_families' family -> scale); no rows when it is
    empty. The moment families' scales for int_corridor__value_histograms
    (corridor.value_histogram_moment_ctes) and
    int_corridor__rolling_value_histograms.
-#}
{% macro value_histogram_moment_scales(moment_scales) -%}
    {{ return(adapter.dispatch('value_histogram_moment_scales', 'corridor')(moment_scales)) }}
{%- endmacro %}

{% macro default__value_histogram_moment_scales(moment_scales) -%}
    {%- for family, scale in moment_scales.items() %}
    select '{{ family }}' as family, cast({{ scale }} as {{ corridor.type_double() }}) as scale
    union all
    {%- endfor %}
    select cast(null as {{ dbt.type_string() }}) as family, cast(null as {{ corridor.type_double() }}) as scale
    where 1 = 0
{%- endmacro %}
