{#-
    corridor.feature_column_names(features): the staged column of each
    feature (corridor.feature_columns()), `feature_<name>`, in order.
-#}
{% macro feature_column_names(features) -%}
    {{ return(adapter.dispatch('feature_column_names', 'corridor')(features)) }}
{%- endmacro %}

{% macro default__feature_column_names(features) -%}
    {%- set names = [] -%}
    {%- for f in features -%}
        {%- do names.append('feature_' ~ f['feature']) -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}
