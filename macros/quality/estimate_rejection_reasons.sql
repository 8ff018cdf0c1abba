{#
    corridor.estimate_rejection_reasons(): why an offline estimate cannot be
    used, as (reason code, SQL condition over stg_corridor__offline_estimates).
#}
{% macro estimate_rejection_reasons() %}
    {{ return(adapter.dispatch('estimate_rejection_reasons', 'corridor')()) }}
{% endmacro %}

{% macro default__estimate_rejection_reasons() %}
    {%- set reasons = [
        ('missing_model_id', "model_id is null or trim(model_id) = ''"),
        ('missing_model_version', "model_version is null or trim(model_version) = ''"),
        ('missing_metric', "metric is null or metric = ''"),
        ('unknown_window_grain', "window_grain not in (" ~ corridor.sql_string_list(corridor.known_window_grains()) ~ ")"),
        ('missing_expected_value', 'expected_value_is_missing'),
        ('unparseable_expected_value', 'expected_value_is_unparseable'),
        ('non_finite_expected_value', corridor.is_non_finite('expected_value')),
        ('negative_standard_error', 'standard_error < 0'),
        ('interval_lower_above_upper', 'interval_lower > interval_upper'),
        ('confidence_level_out_of_range', 'confidence_level <= 0 or confidence_level >= 1'),
        ('valid_from_after_valid_to', 'valid_from >= valid_to'),
    ] -%}
    {{ return(reasons) }}
{% endmacro %}
