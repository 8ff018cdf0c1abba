{#- corridor._validate_decision_severities(name, value): unset: the default severities the project's corridor_severity_levels knows, else
    those it maps to error; set: a non-empty list of its severities (a validator of the settings registry, called by corridor.setting). -#}
{% macro _validate_decision_severities(name, value) %}
    {%- set defaults = corridor._corridor_setting_defaults() -%}
    {%- if var('corridor_decision_severities', none) is none -%}
        {#- not set: the default severities the project's corridor_severity_levels knows, else those mapped to error -#}
        {%- set known = var('corridor_severity_levels', defaults['corridor_severity_levels']) -%}
        {%- set kept = [] -%}
        {%- for severity in value if known is mapping and severity in known -%}
            {%- do kept.append(severity) -%}
        {%- endfor -%}
        {%- for severity, level in (known.items() if known is mapping else []) if kept | length == 0 and level == 'error' -%}
            {%- do kept.append(severity) -%}
        {%- endfor -%}
        {%- set value = kept if kept | length > 0 else value -%}
    {%- else -%}
        {%- set known = var('corridor_severity_levels', defaults['corridor_severity_levels']) -%}
        {%- if value is string or value is mapping or value is not iterable or value | length == 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_decision_severities' must be a non-empty list of rule severities "
                "(of corridor_severity_levels: " ~ (known.keys() | list | join(', ')) ~ "); got " ~ value) }}
        {%- endif -%}
        {%- for severity in value if severity not in known -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_decision_severities' contains '" ~ severity ~ "', not a severity "
                "of corridor_severity_levels (" ~ (known.keys() | list | join(', ')) ~ ").") }}
        {%- endfor -%}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
