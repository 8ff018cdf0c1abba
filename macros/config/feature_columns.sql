{#
    corridor.feature_columns(): the numeric feature columns carried from
    production events (var corridor_feature_columns, a list of column names or
    a mapping {feature name: column}), as a list of {'feature': .., 'column': ..}.
#}
{% macro feature_columns() %}
    {{ return(adapter.dispatch('feature_columns', 'corridor')()) }}
{% endmacro %}

{% macro default__feature_columns() %}
    {%- set raw = corridor.setting('corridor_feature_columns') or [] -%}
    {%- set features = [] -%}
    {%- if raw is string -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_feature_columns' must be a list of column names or a mapping {feature: column}; got the string '" ~ raw ~ "'.") }}
    {%- elif raw is mapping -%}
        {%- for feature, column in raw.items() -%}
            {%- do features.append({'feature': feature, 'column': column}) -%}
        {%- endfor -%}
    {%- else -%}
        {%- for column in raw -%}
            {%- do features.append({'feature': column, 'column': column}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- for f in features -%}
        {%- if not modules.re.fullmatch('[a-z][a-z0-9_]{0,62}', f['feature'] | string) -%}
            {{ exceptions.raise_compiler_error("corridor: feature name '" ~ f['feature'] ~ "' in var 'corridor_feature_columns' is not a lower-case identifier ([a-z][a-z0-9_]*).") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(features) }}
{% endmacro %}
