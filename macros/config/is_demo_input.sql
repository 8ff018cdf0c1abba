{#-
    corridor.is_demo_input(input_name): true when the input is read from
    corridor's own demo seed (the demo seeds are on and the user did not map
    the input). Only then may the demo's public pseudonymization key stand in
    for a missing one: with an input mapped to the user's own data, a missing
    key is an error even though corridor_load_demo_seeds defaults to true.
-#}
{% macro is_demo_input(input_name) -%}
    {%- set spec = corridor.input_config(input_name)['relation_spec'] or {} -%}
    {{ return(spec.get('ref') is string and spec.get('ref', '').startswith('corridor_demo_')) }}
{%- endmacro %}
