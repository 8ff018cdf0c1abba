{#-
    corridor.feature_drift_grains(): the window grains corridor_feature_drift
    covers: var corridor_feature_drift_grains restricted to the grains that
    are built (corridor_window_grains), in that order.
-#}
{% macro feature_drift_grains() %}
    {{ return(adapter.dispatch('feature_drift_grains', 'corridor')()) }}
{% endmacro %}

{% macro default__feature_drift_grains() %}
    {%- set built = corridor.setting('corridor_window_grains') -%}
    {%- set wanted = corridor.setting('corridor_feature_drift_grains') -%}
    {%- set grains = [] -%}
    {%- for grain in built if grain in wanted -%}
        {%- do grains.append(grain) -%}
    {%- endfor -%}
    {%- if grains | length == 0 -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_feature_drift_grains' (" ~ wanted ~ ") has no grain in "
            "corridor_window_grains (" ~ built ~ ").") }}
    {%- endif -%}
    {{ return(grains) }}
{% endmacro %}
