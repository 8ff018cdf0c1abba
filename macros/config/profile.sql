{#
    corridor.profile(): the mapping profile in force, 'demo' or none (var
    corridor_profile). 'demo' applies corridor.demo_profile() under the
    user's vars; it is the default while the demo seeds load
    (corridor.demo_mode()), none otherwise, so a project's own build never
    inherits the demo's column names, segments or features.
#}
{% macro profile() %}
    {{ return(adapter.dispatch('profile', 'corridor')()) }}
{% endmacro %}

{% macro default__profile() %}
    {%- set value = var('corridor_profile', 'demo' if corridor.demo_mode() else none) -%}
    {%- if value is not none and value != 'demo' -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_profile' is '" ~ value ~ "'; expected 'demo' (the demo's column names, segments and features) or null (none: map your own).") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
