{#
    corridor.settings_reference(): the settings table of docs/configuration.md
    (markdown: var, default, expected value, meaning), generated from the one
    place each setting is declared: the settings registry
    (corridor._corridor_settings) and the inputs (_corridor_input_defaults).
    `dbt run-operation corridor.print_settings_reference` prints it; a test
    keeps the docs page in step.
#}
{% macro settings_reference() %}
    {{ return(adapter.dispatch('settings_reference', 'corridor')()) }}
{% endmacro %}

{% macro default__settings_reference() %}
    {%- set rows = {} -%}
    {%- for name, spec in corridor._corridor_input_defaults().items() -%}
        {%- do rows.update({spec['var']: {
            'default': ('the demo seed ' ~ spec['demo_seed'] ~ ' in the demo') if not spec['optional'] else 'off (null)',
            'expected': 'a mapping {ref | source | relation, columns}' ~ (' or null' if spec['optional'] else ''),
            'description': spec['description'],
        }}) -%}
    {%- endfor -%}
    {%- for name, spec in corridor._corridor_settings().items() -%}
        {%- do rows.update({name: {
            'default': spec['computed_default'] if 'computed_default' in spec else spec['default'],
            'expected': corridor._setting_expectation(spec.get('check', {})),
            'description': spec['description'],
        }}) -%}
    {%- endfor -%}
    {%- set lines = ['| var | default | expected | meaning |', '|---|---|---|---|'] -%}
    {%- for name in corridor.known_vars() | sort -%}
        {%- set row = rows[name] -%}
        {%- set shown = 'null' if row['default'] is none else (row['default'] if row['default'] is string else tojson(row['default'])) -%}
        {%- do lines.append('| `' ~ name ~ '` | `' ~ (shown | replace('|', '\\|')) ~ '` | ' ~ (row['expected'] | replace('|', '\\|')) ~ ' '
            '| ' ~ (row['description'] | replace('|', '\\|')) ~ ' |') -%}
    {%- endfor -%}
    {{ return(lines | join('\n')) }}
{% endmacro %}
