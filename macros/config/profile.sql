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
    {{ return(corridor.setting('corridor_profile', computed_default=('demo' if corridor.demo_mode() else none))) }}
{% endmacro %}
