{#
    corridor.feature_columns(): the feature columns carried from production
    events (var corridor_feature_columns), as a list of
    {'feature': .., 'column': .., 'type': 'numeric' | 'categorical'}.

    The var is a list of column names (numeric features named after their
    column) or a mapping {feature name: column} or
    {feature name: {column: .., type: numeric | categorical}}. A numeric
    feature is parsed as a double (unparseable values count as null); a
    categorical feature is the trimmed text of the column (empty = null).
    Every field is validated: a bad entry fails with the feature and the
    expected value named.
#}
{% macro feature_columns() %}
    {{ return(adapter.dispatch('feature_columns', 'corridor')()) }}
{% endmacro %}

{% macro default__feature_columns() %}
    {%- set raw = corridor.setting('corridor_feature_columns') or [] -%}
    {%- set features = [] -%}
    {%- set types = ['numeric', 'categorical'] -%}
    {%- if raw is string -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_feature_columns' must be a list of column names or a mapping {feature: "
            "column} / {feature: {column: .., type: numeric|categorical}}; got the string '" ~ raw ~ "'.") }}
    {%- elif raw is mapping -%}
        {%- for feature, spec in raw.items() -%}
            {%- if spec is mapping -%}
                {%- for key in spec.keys() if key not in ['column', 'type'] -%}
                    {{ exceptions.raise_compiler_error("corridor: var 'corridor_feature_columns." ~ feature ~ "' has an unknown key '"
                        ~ key ~ "'." ~ corridor.did_you_mean(key, ['column', 'type']) ~ " Allowed: column, type.") }}
                {%- endfor -%}
                {%- set column = spec.get('column', feature) -%}
                {%- set type = spec.get('type', 'numeric') -%}
            {%- else -%}
                {%- set column = spec -%}
                {%- set type = 'numeric' -%}
            {%- endif -%}
            {%- if type not in types -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_feature_columns." ~ feature ~ ".type' is '" ~ type ~ "'; "
                    "expected numeric or categorical." ~ corridor.did_you_mean(type | string, types)) }}
            {%- endif -%}
            {%- do features.append({'feature': feature, 'column': column, 'type': type}) -%}
        {%- endfor -%}
    {%- else -%}
        {%- for column in raw -%}
            {%- do features.append({'feature': column, 'column': column, 'type': 'numeric'}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set seen = [] -%}
    {%- for f in features -%}
        {%- if not modules.re.fullmatch('[a-z][a-z0-9_]{0,62}', f['feature'] | string) -%}
            {{ exceptions.raise_compiler_error("corridor: feature name '" ~ f['feature'] ~ "' in var 'corridor_feature_columns' is not a "
                "lower-case identifier ([a-z][a-z0-9_]*).") }}
        {%- endif -%}
        {%- if f['column'] is not string or (f['column'] | trim) == '' -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_feature_columns' maps feature '" ~ f['feature'] ~ "' to "
                ~ tojson(f['column']) ~ "; expected the name of a column of the production events.") }}
        {%- endif -%}
        {%- if f['feature'] in seen -%}
            {{ exceptions.raise_compiler_error("corridor: feature '" ~ f['feature'] ~ "' appears twice in var "
                "'corridor_feature_columns'.") }}
        {%- endif -%}
        {%- do seen.append(f['feature']) -%}
    {%- endfor -%}
    {{ return(features) }}
{% endmacro %}
