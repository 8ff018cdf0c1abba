{#-
    corridor.bootstrap_grains(): the window grains interval models cover:
    var corridor_bootstrap_grains (null = every grain of corridor_window_grains),
    restricted to the grains that are built.
-#}
{% macro bootstrap_grains() %}
    {{ return(adapter.dispatch('bootstrap_grains', 'corridor')()) }}
{% endmacro %}

{% macro default__bootstrap_grains() %}
    {%- set built = corridor.setting('corridor_window_grains') -%}
    {%- set wanted = corridor.setting('corridor_bootstrap_grains') or built -%}
    {%- set grains = [] -%}
    {%- for grain in built if grain in wanted -%}
        {%- do grains.append(grain) -%}
    {%- endfor -%}
    {%- if grains | length == 0 -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_bootstrap_grains' (" ~ wanted ~ ") has no grain in "
            "corridor_window_grains (" ~ built ~ ").") }}
    {%- endif -%}
    {{ return(grains) }}
{% endmacro %}
