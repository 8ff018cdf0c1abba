{#
    corridor.check_severity(check): the dbt severity (warn or error) of one of
    corridor's checks in dbt build (the singular tests in tests/), from var
    corridor_check_severity: warn unless the project asks for error, either
    for every check (corridor_check_severity: error) or per check
    ({quality_gates: error}). Checks: rule_issues, estimate_issues,
    quality_gates, quarantine, unjudgeable_rules, invariants, model_decisions,
    governance_items.
#}
{% macro check_severity(check) %}
    {{ return(adapter.dispatch('check_severity', 'corridor')(check)) }}
{% endmacro %}

{% macro default__check_severity(check) %}
    {%- set value = corridor.setting('corridor_check_severity') -%}
    {%- set checks = ['rule_issues', 'estimate_issues', 'quality_gates', 'quarantine', 'unjudgeable_rules', 'invariants',
        'model_decisions', 'governance_items'] -%}
    {%- if value is string and value in ['warn', 'error'] -%}
        {{ return(value) }}
    {%- elif value is not mapping -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_check_severity' must be warn, error, or a mapping {check: warn|error} "
            "over " ~ (checks | join(', ')) ~ "; got " ~ value) }}
    {%- endif -%}
    {%- for name, level in value.items() -%}
        {%- if name not in checks -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_check_severity' names an unknown check '" ~ name ~ "'."
                ~ corridor.did_you_mean(name, checks) ~ " Known checks: " ~ (checks | join(', ')) ~ ".") }}
        {%- endif -%}
        {%- if level not in ['warn', 'error'] -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_check_severity." ~ name ~ "' is '" ~ level ~ "'; allowed: warn, "
                "error.") }}
        {%- endif -%}
    {%- endfor -%}
    {%- if check not in checks -%}
        {{ exceptions.raise_compiler_error("corridor: unknown check '" ~ check ~ "'; known: " ~ (checks | join(', '))) }}
    {%- endif -%}
    {{ return(value.get(check, 'warn')) }}
{% endmacro %}
