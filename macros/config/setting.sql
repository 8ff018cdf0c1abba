{#
    corridor.setting(name, computed_default=none): the value of a corridor_
    var, falling back to its default in the settings registry
    (corridor._corridor_settings; computed_default: for the few settings whose
    default the code computes, e.g. from the root project's name), under the
    demo profile's settings while corridor_profile is 'demo', and validated
    from the registry's check: a bad value fails with a message naming the var
    and the expected value (corridor._setting_expectation), then the
    setting's own validator (check.validate) may normalize it
    (corridor._setting_value).

    A value that is a string, number, boolean or none is computed once per
    invocation and package of the calling node (vars can be scoped to a
    package), then taken from a cache in `graph` (while dbt parses too: every
    model asks for a few settings, and the profile and the demo mode each
    time); a list or a mapping is computed on every call, so a caller that
    changes it changes nothing for the next one.
#}
{% macro setting(name, computed_default=none) %}
    {{ return(adapter.dispatch('setting', 'corridor')(name, computed_default)) }}
{% endmacro %}

{% macro default__setting(name, computed_default=none) %}
    {#- no cache where there is no graph (a context that renders macros alone) -#}
    {%- if graph is not defined or graph is not mapping -%}
        {{ return(corridor._setting_value(name, computed_default)) }}
    {%- endif -%}
    {#- one invocation's values at a time: dbt saves the graph of a parse with its partial-parse state -#}
    {%- set cached = graph.get('corridor_setting_values') -%}
    {%- if cached is none or cached['invocation_id'] != invocation_id -%}
        {%- set cached = {'invocation_id': invocation_id, 'values': {}} -%}
        {%- do graph.update({'corridor_setting_values': cached}) -%}
    {%- endif -%}
    {%- set cache = cached['values'] -%}
    {%- set key = (model.package_name if model is mapping and model.get('package_name') else '') ~ '|' ~ name ~ '|'
        ~ computed_default -%}
    {%- if key in cache -%}
        {{ return(cache[key]) }}
    {%- endif -%}
    {%- set value = corridor._setting_value(name, computed_default) -%}
    {%- if value is none or value is string or value is number or value is boolean -%}
        {%- do cache.update({key: value}) -%}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
