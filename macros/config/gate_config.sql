{#-
    corridor.gate_config(check): the resolved settings of one quality gate
    check ({category, direction, warn, fail, enabled}), the package defaults
    with var corridor_quality_gates merged over them key by key.
-#}
{% macro gate_config(check) %}
    {{ return(adapter.dispatch('gate_config', 'corridor')(check)) }}
{% endmacro %}

{% macro default__gate_config(check) %}
    {%- set defaults = corridor._corridor_gate_defaults() -%}
    {%- set user = corridor.setting('corridor_quality_gates') -%}
    {%- for key in user.keys() -%}
        {%- if key not in defaults -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_quality_gates' names an unknown check '" ~ key ~ "'."
                ~ corridor.did_you_mean(key, defaults.keys() | list) ~ " Known checks: " ~ (defaults.keys() | list | sort | join(', '))
                ~ ".") }}
        {%- endif -%}
    {%- endfor -%}
    {%- set cfg = {} -%}
    {%- do cfg.update(defaults[check]) -%}
    {%- set override = user.get(check) or {} -%}
    {%- if override is not mapping -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_quality_gates." ~ check ~ "' must be a mapping with warn, fail and/or "
            "enabled; got " ~ override) }}
    {%- endif -%}
    {%- for key, value in override.items() -%}
        {%- if key not in ['warn', 'fail', 'enabled', 'min_rows'] -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_quality_gates." ~ check ~ "' has an unknown key '" ~ key ~ "'."
                ~ corridor.did_you_mean(key, ['warn', 'fail', 'enabled', 'min_rows']) ~ " Allowed: warn, fail, enabled, min_rows.") }}
        {%- endif -%}
        {%- if key in ['warn', 'fail', 'min_rows'] and value is not none and value is not number -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_quality_gates." ~ check ~ "." ~ key ~ "' must be a number or null; "
                "got " ~ value) }}
        {%- endif -%}
        {%- do cfg.update({key: value}) -%}
    {%- endfor -%}
    {{ return(cfg) }}
{% endmacro %}
