{#
    corridor.check_severity(check): the dbt severity (warn or error) of one of
    corridor's checks in dbt build (the singular tests in tests/), from var
    corridor_check_severity: warn unless the project asks for error, either
    for every check (corridor_check_severity: error) or per check
    ({quality_gates: error}). Checks: rule_issues, estimate_issues,
    quality_gates, quarantine, unjudgeable_rules, invariants.
#}
{% macro check_severity(check) %}
    {{ return(adapter.dispatch('check_severity', 'corridor')(check)) }}
{% endmacro %}

{% macro default__check_severity(check) %}
    {%- set levels = corridor.setting('corridor_check_severity') -%}
    {%- if check not in levels -%}
        {{ exceptions.raise_compiler_error("corridor: unknown check '" ~ check ~ "'; known: " ~ (levels.keys() | list | join(', '))) }}
    {%- endif -%}
    {{ return(levels[check]) }}
{% endmacro %}
