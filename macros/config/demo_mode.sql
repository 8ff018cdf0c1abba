{#
    corridor.demo_mode(): true when the demo seeds load and the inputs default
    to them (var corridor_load_demo_seeds). By default that is exactly when
    corridor itself is the root project (the demo, `make demo`); in a project
    that installs corridor as a package the demo seeds stay off without any
    setting.
#}
{% macro demo_mode() %}
    {{ return(adapter.dispatch('demo_mode', 'corridor')()) }}
{% endmacro %}

{% macro default__demo_mode() %}
    {{ return(corridor.setting('corridor_load_demo_seeds', computed_default=(project_name == 'corridor'))) }}
{% endmacro %}
