{#
    corridor.settings_reference(): the settings table of docs/configuration.md
    (markdown: var, default, meaning), generated from the one place each
    setting is declared (_corridor_setting_defaults, _corridor_input_defaults,
    _corridor_direct_var_defaults, _corridor_setting_descriptions).
    `dbt run-operation corridor.print_settings_reference` prints it; a test
    keeps the docs page in step.
#}
{% macro settings_reference() %}
    {{ return(adapter.dispatch('settings_reference', 'corridor')()) }}
{% endmacro %}

{% macro default__settings_reference() %}
    {%- set descriptions = corridor._corridor_setting_descriptions() -%}
    {%- set defaults = {} -%}
    {%- do defaults.update(corridor._corridor_direct_var_defaults()) -%}
    {%- for name, spec in corridor._corridor_input_defaults().items() -%}
        {%- do defaults.update({spec['var']: ('the demo seed ' ~ spec['demo_seed'] ~ ' in the demo') if not spec['optional'] else 'off (null)'}) -%}
    {%- endfor -%}
    {%- do defaults.update(corridor._corridor_setting_defaults()) -%}
    {%- set lines = ['| var | default | meaning |', '|---|---|---|'] -%}
    {%- for name in corridor.known_vars() | sort -%}
        {%- set value = defaults.get(name) -%}
        {%- set shown = 'null' if value is none else (value if value is string else tojson(value)) -%}
        {%- do lines.append('| `' ~ name ~ '` | `' ~ (shown | replace('|', '\\|')) ~ '` | ' ~ (descriptions.get(name, '(undocumented)') | replace('|', '\\|')) ~ ' |') -%}
    {%- endfor -%}
    {{ return(lines | join('\n')) }}
{% endmacro %}
