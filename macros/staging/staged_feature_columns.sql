{#-
    corridor.staged_feature_columns(columns, features): the select-list items
    that stage the features of an input, one per feature, each followed by a
    comma (the call sits inside a select list): a categorical feature as
    trimmed text (empty = null), any other parsed as a double
    (corridor.try_cast: unparseable = null), named feature_<name>.
    `columns` is what corridor.resolve_input_columns returned (it maps
    feature_<name> to the input's quoted column), `features`
    corridor.feature_columns(). Renders nothing without features.
-#}
{% macro staged_feature_columns(columns, features) -%}
    {{ return(adapter.dispatch('staged_feature_columns', 'corridor')(columns, features)) }}
{%- endmacro %}

{% macro default__staged_feature_columns(columns, features) -%}
    {%- for f in features %}
        {%- if f['type'] == 'categorical' %}
        nullif(trim(cast({{ columns['feature_' ~ f['feature']] }} as {{ dbt.type_string() }})), '') as feature_{{ f['feature'] }},
        {%- else %}
        {{ corridor.try_cast(columns['feature_' ~ f['feature']], corridor.type_double()) }} as feature_{{ f['feature'] }},
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
