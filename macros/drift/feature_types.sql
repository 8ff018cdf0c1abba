{#-
    corridor.feature_types(features): a query with one row per configured
    feature (feature_name, feature_type), from corridor.feature_columns();
    an empty relation of the same shape when no feature is configured.
-#}
{% macro feature_types(features) %}
    {{ return(adapter.dispatch('feature_types', 'corridor')(features)) }}
{% endmacro %}

{% macro default__feature_types(features) -%}
    {%- set string = dbt.type_string() -%}
    {%- for f in features %}
    select
        cast('{{ f['feature'] }}' as {{ string }}) as feature_name,
        cast('{{ f['type'] }}' as {{ string }}) as feature_type
    {{ 'union all' if not loop.last }}
    {%- else %}
    select
        cast(null as {{ string }}) as feature_name,
        cast(null as {{ string }}) as feature_type
    where 1 = 0
    {%- endfor %}
{%- endmacro %}
