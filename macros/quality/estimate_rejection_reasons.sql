{#
    corridor.estimate_rejection_reasons(): why an offline estimate cannot be
    used, as (reason code, SQL condition over stg_corridor__offline_estimates):
    every field corridor parses is checked (a value given but unparseable is
    quarantined, never read as null), and values outside their domain (a
    metric corridor does not compute for this model type, a rate or AUC
    outside [0, 1], a negative latency or count, an interval that does not
    contain its own point value) are quarantined too.
#}
{% macro estimate_rejection_reasons() %}
    {{ return(adapter.dispatch('estimate_rejection_reasons', 'corridor')()) }}
{% endmacro %}

{% macro default__estimate_rejection_reasons() %}
    {%- set catalogue = corridor.metric_catalogue() -%}
    {%- set unit_metrics = [] -%}
    {%- set non_negative_metrics = [] -%}
    {%- for name, spec in catalogue.items() -%}
        {%- if spec['upper'] == 1 -%}{%- do unit_metrics.append(name) -%}{%-
            else -%}{%- do non_negative_metrics.append(name) -%}{%- endif -%}
    {%- endfor -%}
    {%- set reasons = [
        ('missing_model_id', "model_id is null or trim(model_id) = ''"),
        ('missing_model_version', "model_version is null or trim(model_version) = ''"),
        ('missing_metric', "metric is null or metric = ''"),
        ('unknown_metric', "metric <> '' and metric not in (" ~ corridor.sql_string_list(catalogue.keys() | list | sort) ~ ")"),
        ('unknown_window_grain', "window_grain not in ("
            ~ corridor.sql_string_list(corridor.known_window_grains() + (corridor.rolling_windows() | map(attribute='name') | list)) ~ ")"),
        ('missing_expected_value', 'expected_value_is_missing'),
        ('unparseable_expected_value', 'expected_value_is_unparseable'),
        ('non_finite_expected_value', corridor.is_non_finite('expected_value')),
        ('expected_value_out_of_range',
            '(metric in (' ~ corridor.sql_string_list(unit_metrics) ~ ') and (expected_value < 0 or expected_value > 1))'
            ~ ' or (metric in (' ~ corridor.sql_string_list(non_negative_metrics) ~ ') and expected_value < 0)'),
        ('unparseable_standard_error', 'standard_error_is_unparseable'),
        ('non_finite_standard_error', corridor.is_non_finite('standard_error')),
        ('negative_standard_error', 'standard_error < 0'),
        ('unparseable_interval_lower', 'interval_lower_is_unparseable'),
        ('unparseable_interval_upper', 'interval_upper_is_unparseable'),
        ('non_finite_interval', corridor.is_non_finite('interval_lower') ~ ' or ' ~ corridor.is_non_finite('interval_upper')),
        ('interval_excludes_expected_value', 'interval_lower <= interval_upper and (expected_value < interval_lower or expected_value > '
            'interval_upper)'),
        ('unparseable_confidence_level', 'confidence_level_is_unparseable'),
        ('unparseable_produced_at', 'produced_at_is_unparseable'),
        ('unparseable_valid_from', 'valid_from_is_unparseable'),
        ('unparseable_valid_to', 'valid_to_is_unparseable'),
        ('interval_lower_above_upper', 'interval_lower > interval_upper'),
        ('confidence_level_out_of_range', 'confidence_level <= 0 or confidence_level >= 1'),
        ('valid_from_after_valid_to', 'valid_from >= valid_to'),
        ('unparseable_sample_size', 'sample_size_is_unparseable'),
        ('invalid_sample_size', corridor.is_non_finite('sample_size') ~ ' or sample_size < 0 or sample_size <> floor(sample_size)'),
    ] -%}
    {{ return(reasons) }}
{% endmacro %}
