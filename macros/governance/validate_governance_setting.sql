{#
    corridor.validate_governance_setting(name, value): the value of a
    governance setting (corridor_escalation_hours, corridor_post_mortem_days,
    corridor_post_mortem_severities, corridor_governance_as_of,
    corridor_review_period), validated (called by corridor.setting): a
    malformed value fails with a message naming the var and what is expected.
    corridor_governance_as_of is returned as 'YYYY-MM-DD HH:MM:SS' text.
    Unset, corridor_escalation_hours and corridor_post_mortem_severities keep
    only the default severities the project's corridor_severity_levels knows
    (a project with its own severity names is not refused for corridor's
    defaults); set, every severity they name must be one of them.
#}
{% macro validate_governance_setting(name, value) %}
    {{ return(adapter.dispatch('validate_governance_setting', 'corridor')(name, value)) }}
{% endmacro %}

{% macro default__validate_governance_setting(name, value) %}
    {%- set severities = corridor.setting('corridor_severity_levels') -%}
    {%- set known = severities.keys() | list if severities is mapping else [] -%}
    {%- if name == 'corridor_escalation_hours' and var(name, none) is none and value is mapping -%}
        {%- set kept = {} -%}
        {%- for severity, hours in value.items() if severity in known -%}
            {%- do kept.update({severity: hours}) -%}
        {%- endfor -%}
        {%- set value = kept -%}
    {%- elif name == 'corridor_post_mortem_severities' and var(name, none) is none and value is not string and value is iterable -%}
        {%- set value = value | select('in', known) | list -%}
    {%- endif -%}
    {%- if name == 'corridor_escalation_hours' -%}
        {%- if value is none -%}
            {%- set value = {} -%}
        {%- endif -%}
        {%- if value is not mapping -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_escalation_hours' must be a mapping {severity: hours}, e.g. "
                "{critical: 4, high: 24}; got " ~ value) }}
        {%- endif -%}
        {%- for severity, hours in value.items() -%}
            {%- if severity not in known -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_escalation_hours' names '" ~ severity ~ "', not a severity of "
                    "corridor_severity_levels (" ~ (known | join(', ')) ~ ")." ~ corridor.did_you_mean(severity, known)) }}
            {%- endif -%}
            {%- if hours is not number or hours is boolean or hours < 0 -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_escalation_hours." ~ severity ~ "' must be a number of hours "
                    ">= 0; got " ~ hours) }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif name == 'corridor_post_mortem_days' -%}
        {%- if value is not number or value is boolean or value < 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_post_mortem_days' must be a number of days >= 0; got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_post_mortem_severities' -%}
        {%- if value is none -%}
            {%- set value = [] -%}
        {%- endif -%}
        {%- if value is string or value is mapping or value is not iterable -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_post_mortem_severities' must be a list of rule severities (of "
                "corridor_severity_levels: " ~ (known | join(', ')) ~ "); got " ~ value) }}
        {%- endif -%}
        {%- for severity in value if severity not in known -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_post_mortem_severities' contains '" ~ severity ~ "', not a "
                "severity of corridor_severity_levels (" ~ (known | join(', ')) ~ ")." ~ corridor.did_you_mean(severity, known)) }}
        {%- endfor -%}
    {%- elif name == 'corridor_governance_as_of' and value is not none -%}
        {%- set text = (value | string) | replace('T', ' ') -%}
        {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$', text) -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_governance_as_of' must be null or a UTC timestamp such as "
                "'2026-11-30' or '2026-11-30 12:00:00'; got " ~ value) }}
        {%- endif -%}
        {%- set value = text ~ {10: ' 00:00:00', 16: ':00', 19: ''}[text | length] -%}
    {%- elif name == 'corridor_review_period' and value not in ['day', 'week', 'month'] -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_review_period' is '" ~ value ~ "'; expected day, week or month.") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
