{#-
    corridor._run_setting_validator(validator, name, value): run a setting's
    own validator (check.validate in the settings registry) and return the
    value it gives back. Called by name, not looked up dynamically: dbt
    resolves the macros a generic test may call from the calls it can see.
-#}
{% macro _run_setting_validator(validator, name, value) %}
    {%- if validator == '_validate_score_bins' -%}
        {{ return(corridor._validate_score_bins(name, value)) }}
    {%- elif validator == '_validate_severity_levels' -%}
        {{ return(corridor._validate_severity_levels(name, value)) }}
    {%- elif validator == '_validate_time_zone' -%}
        {{ return(corridor._validate_time_zone(name, value)) }}
    {%- elif validator == '_validate_decision_severities' -%}
        {{ return(corridor._validate_decision_severities(name, value)) }}
    {%- elif validator == '_validate_mix_adjustment_dimension' -%}
        {{ return(corridor._validate_mix_adjustment_dimension(name, value)) }}
    {%- elif validator == '_validate_seasonal_baseline' -%}
        {{ return(corridor._validate_seasonal_baseline(name, value)) }}
    {%- elif validator == '_validate_rolling_windows' -%}
        {{ return(corridor._validate_rolling_windows(name, value)) }}
    {%- elif validator == 'validate_label_free_setting' -%}
        {{ return(corridor.validate_label_free_setting(name, value)) }}
    {%- elif validator == 'validate_governance_setting' -%}
        {{ return(corridor.validate_governance_setting(name, value)) }}
    {%- endif -%}
    {{ exceptions.raise_compiler_error("corridor: setting '" ~ name ~ "' names an unknown validator '" ~ validator ~ "' in "
        "corridor._corridor_settings; list it in corridor._run_setting_validator.") }}
{% endmacro %}
