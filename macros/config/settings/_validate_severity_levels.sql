{#- corridor._validate_severity_levels(name, value): each key a non-empty severity of at most 100 characters, each level error, warn or
    none (a validator of the settings registry, called by corridor.setting). -#}
{% macro _validate_severity_levels(name, value) %}
    {%- for severity, level in value.items() -%}
        {%- if severity is not string or (severity | trim) == '' or severity | length > 100 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_severity_levels' has the key " ~ tojson(severity) ~ "; severities "
                "must be non-empty strings of at most 100 characters.") }}
        {%- endif -%}
        {%- if level not in ['error', 'warn', 'none'] -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_severity_levels' maps '" ~ severity ~ "' to '" ~ level ~ "'; "
                "allowed: error, warn, none.") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(value) }}
{% endmacro %}
