{#-
    corridor.resolved_config(): every corridor setting and input mapping after
    defaults are applied, as a dict (corridor.config_fingerprint is its md5).
-#}
{% macro resolved_config() -%}
    {{ return(adapter.dispatch('resolved_config', 'corridor')()) }}
{%- endmacro %}

{% macro default__resolved_config() %}
    {%- set config = {'settings': {}, 'inputs': {}, 'load_demo_seeds': corridor.demo_mode()} -%}
    {%- for name in corridor._corridor_setting_defaults().keys() | list | sort -%}
        {%- do config['settings'].update({name: corridor.setting(name)}) -%}
    {%- endfor -%}
    {%- for name in corridor._corridor_input_defaults().keys() | list | sort -%}
        {%- set cfg = corridor.input_config(name) -%}
        {%- do config['inputs'].update({name: {
            'enabled': cfg['enabled'],
            'relation': corridor.input_relation_name(name),
            'columns': cfg['columns'],
        }}) -%}
    {%- endfor -%}
    {{ return(config) }}
{% endmacro %}
