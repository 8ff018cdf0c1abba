{#
    corridor._setting_value(name, computed_default=none): the value of a
    corridor_ setting, computed: corridor.setting's work without its cache
    (see there).
#}
{% macro _setting_value(name, computed_default=none) %}
    {%- set registry = corridor._corridor_settings() -%}
    {%- if name not in registry -%}
        {{ exceptions.raise_compiler_error("corridor: unknown setting '" ~ name ~ "'." ~ corridor.did_you_mean(name,
            registry.keys() | list) ~ " Known settings: " ~ (registry.keys() | list | sort | join(', '))) }}
    {%- endif -%}
    {%- set spec = registry[name] -%}
    {%- set default = computed_default if computed_default is not none else spec['default'] -%}
    {%- if spec.get('scope') != 'run' and corridor.profile() == 'demo' -%}
        {%- set default = corridor.demo_profile()['settings'].get(name, default) -%}
    {%- endif -%}
    {%- set value = var(name, default) -%}
    {%- set check = spec.get('check', {}) -%}
    {%- if not corridor._setting_is_valid(value, check) -%}
        {%- if check.get('type') == 'one_of' and value is not none -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' is '" ~ value ~ "'; expected "
                ~ corridor._setting_expectation(check) ~ ".") }}
        {%- endif -%}
        {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be " ~ corridor._setting_expectation(check) ~ "; got "
            ~ value) }}
    {%- endif -%}
    {%- if check.get('type') == 'grains' and value is not none -%}
        {%- for grain in value if grain not in corridor.known_window_grains() -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' contains '" ~ grain ~ "'; allowed grains are "
                ~ (corridor.known_window_grains() | join(', ')) ~ ".") }}
        {%- endfor -%}
    {%- endif -%}
    {%- if check.get('validate') -%}
        {%- set value = corridor._run_setting_validator(check['validate'], name, value) -%}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
