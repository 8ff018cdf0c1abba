{#- corridor._corridor_setting_defaults(): the settings that shape the results (scope other than 'run') -> their default, from the registry
    corridor._corridor_settings. -#}
{% macro _corridor_setting_defaults() %}
    {%- set defaults = {} -%}
    {%- for name, spec in corridor._corridor_settings().items() if spec.get('scope') != 'run' -%}
        {%- do defaults.update({name: spec['default']}) -%}
    {%- endfor -%}
    {{ return(defaults) }}
{% endmacro %}
