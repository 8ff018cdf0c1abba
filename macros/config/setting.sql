{#
    corridor.setting(name): the value of a scalar corridor_ var, falling back to
    the package default, validated so that a bad value fails with a message
    naming the var and what was expected.
#}
{% macro setting(name) %}
    {{ return(adapter.dispatch('setting', 'corridor')(name)) }}
{% endmacro %}

{% macro default__setting(name) %}
    {%- set defaults = corridor._corridor_setting_defaults() -%}
    {%- if name not in defaults -%}
        {{ exceptions.raise_compiler_error("corridor: unknown setting '" ~ name ~ "'." ~ corridor.did_you_mean(name, defaults.keys() | list) ~ " Known settings: " ~ (defaults.keys() | list | sort | join(', '))) }}
    {%- endif -%}
    {%- set default = defaults[name] -%}
    {%- if corridor.profile() == 'demo' -%}
        {%- set default = corridor.demo_profile()['settings'].get(name, default) -%}
    {%- endif -%}
    {%- set value = var(name, default) -%}

    {%- if name == 'corridor_model_type' and value not in ['binary_classifier', 'regression'] -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_model_type' is '" ~ value ~ "'; expected 'binary_classifier' or 'regression'.") }}
    {%- elif name == 'corridor_duckdb_udfs' and value not in ['auto', 'on', 'off'] -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_duckdb_udfs' is '" ~ value ~ "'; expected 'auto' (use the beta functions of corridor's dbt-duckdb plugin when it is loaded), 'on' (require them) or 'off' (the SQL kernel).") }}
    {%- elif name in ['corridor_window_grains', 'corridor_histogram_metric_grains', 'corridor_feature_drift_grains'] -%}
        {%- if value is string or value is mapping or value | length == 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a non-empty list drawn from " ~ (corridor.known_window_grains() | join(', ')) ~ "; got " ~ value) }}
        {%- endif -%}
        {%- for grain in value -%}
            {%- if grain not in corridor.known_window_grains() -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' contains '" ~ grain ~ "'; allowed grains are " ~ (corridor.known_window_grains() | join(', ')) ~ ".") }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif name in ['corridor_classification_threshold', 'corridor_confidence_level', 'corridor_fdr_level', 'corridor_test_alpha', 'corridor_power', 'corridor_multivariate_variance', 'corridor_scenario_target_power'] -%}
        {%- if value is not number or value <= 0 or value >= 1 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a number strictly between 0 and 1; got " ~ value) }}
        {%- endif -%}
    {%- elif name in ['corridor_replay_horizon_days', 'corridor_replay_step_hours', 'corridor_scenario_seeds'] -%}
        {%- if value is not number or value < 1 or value != (value | int) -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be an integer of at least 1; got " ~ value) }}
        {%- endif -%}
    {%- elif name in ['corridor_calibration_bins', 'corridor_score_bins', 'corridor_feature_bins', 'corridor_max_categories'] -%}
        {%- if value is not number or value < 2 or value != (value | int) -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be an integer of at least 2; got " ~ value) }}
        {%- endif -%}
        {%- if name == 'corridor_score_bins' and (value | int) % (var('corridor_calibration_bins', defaults['corridor_calibration_bins']) | int) != 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_score_bins' (" ~ value ~ ") must be a multiple of 'corridor_calibration_bins' so calibration bins are unions of score bins.") }}
        {%- endif -%}
    {%- elif name in ['corridor_lookback_days', 'corridor_late_grace_hours', 'corridor_label_maturity_horizon_hours', 'corridor_new_segment_warmup_hours', 'corridor_future_tolerance_minutes', 'corridor_max_gap_days', 'corridor_scenario_tail_latency_ms'] -%}
        {%- if value is not number or value < 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a number of at least 0; got " ~ value) }}
        {%- endif -%}
    {%- elif name in ['corridor_multivariate_rows_per_day', 'corridor_multivariate_reference_days', 'corridor_multivariate_min_rows'] -%}
        {%- if value is not number or value < 2 or value != (value | int) -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be an integer of at least 2; got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_multivariate_alpha' -%}
        {%- if value is not number or value <= 0 or value >= 0.5 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_multivariate_alpha' must be a number strictly between 0 and 0.5; got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_multivariate_drift' and value is not boolean -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_multivariate_drift' must be true or false; got " ~ value) }}
    {%- elif name == 'corridor_earliest_event_at' -%}
        {%- if value is not string or not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$', value) -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_earliest_event_at' must be a UTC date or time like '2000-01-01' or '2024-06-01 00:00:00' (events before it are quarantined as event_at_before_earliest); got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_known_model_versions' -%}
        {%- if value is not none and (value is string or value is mapping) -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_known_model_versions' must be a list of model versions (or 'model_id:version'); got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_quality_gates' -%}
        {%- if value is not mapping -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_quality_gates' must be a mapping {check: {warn: .., fail: .., enabled: ..}}; got " ~ value) }}
        {%- endif -%}
    {%- elif name in ['corridor_bootstrap_resamples', 'corridor_sql_bootstrap_resamples', 'corridor_sql_bootstrap_exact_events', 'corridor_bootstrap_max_shared_events', 'corridor_bootstrap_asymptotic_events'] -%}
        {%- if value is not number or value < 1 or value != (value | int) -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a positive integer; got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_bootstrap_seed' -%}
        {%- if value is not number or value < 0 or value != (value | int) or value >= 4294967296 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_bootstrap_seed' must be an integer in [0, 2^32); got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_prior_strength' -%}
        {%- if value is not number or value < 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_prior_strength' must be a number >= 0 (1 = the offline estimate's stated uncertainty, 0 = a flat prior); got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_prior_max_events' and value is not none -%}
        {%- if value is not number or value <= 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_prior_max_events' must be a number > 0 (the most production events the offline prior may weigh, e.g. 50) or null for no cap; got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_bootstrap_grains' and value is not none -%}
        {%- if value is string or value is mapping or value | length == 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_bootstrap_grains' must be a non-empty list drawn from " ~ (corridor.known_window_grains() | join(', ')) ~ " (or null for corridor_window_grains); got " ~ value) }}
        {%- endif -%}
        {%- for grain in value -%}
            {%- if grain not in corridor.known_window_grains() -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_bootstrap_grains' contains '" ~ grain ~ "'; allowed grains are " ~ (corridor.known_window_grains() | join(', ')) ~ ".") }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif name == 'corridor_severity_levels' -%}
        {%- if value is not mapping -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_severity_levels' must map rule severities to error, warn or none; got " ~ value) }}
        {%- endif -%}
        {%- for severity, level in value.items() -%}
            {%- if severity is not string or (severity | trim) == '' or severity | length > 100 -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_severity_levels' has the key " ~ tojson(severity) ~ "; severities must be non-empty strings of at most 100 characters.") }}
            {%- endif -%}
            {%- if level not in ['error', 'warn', 'none'] -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_severity_levels' maps '" ~ severity ~ "' to '" ~ level ~ "'; allowed: error, warn, none.") }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif name == 'corridor_time_zone' -%}
        {%- if value is not string or value not in modules.pytz.all_timezones -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_time_zone' must be an IANA time zone name such as 'UTC', 'Europe/Berlin' or 'America/New_York'; got " ~ value) }}
        {%- endif -%}
        {%- set zone = modules.pytz.timezone(value) -%}
        {%- for month in [1, 4, 7, 10] -%}
            {%- set offset = zone.utcoffset(modules.datetime.datetime(2026, month, 15, 12)) -%}
            {%- if (offset.days * 86400 + offset.seconds) % 3600 != 0 -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_time_zone' is '" ~ value ~ "', whose UTC offset is not a whole number of hours (" ~ offset ~ "); corridor builds days from UTC hours, so it supports zones with whole-hour offsets only.") }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif name in ['corridor_segment_estimate_fallback', 'corridor_seasonal_baseline_across_versions'] -%}
        {%- if value is not boolean -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be true or false; got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_decision_severities' and var('corridor_decision_severities', none) is none -%}
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
    {%- elif name == 'corridor_decision_severities' -%}
        {%- set known = var('corridor_severity_levels', defaults['corridor_severity_levels']) -%}
        {%- if value is string or value is mapping or value is not iterable or value | length == 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_decision_severities' must be a non-empty list of rule severities (of corridor_severity_levels: " ~ (known.keys() | list | join(', ')) ~ "); got " ~ value) }}
        {%- endif -%}
        {%- for severity in value if severity not in known -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_decision_severities' contains '" ~ severity ~ "', not a severity of corridor_severity_levels (" ~ (known.keys() | list | join(', ')) ~ ").") }}
        {%- endfor -%}
    {%- elif name in ['corridor_decision_windows', 'corridor_decision_canary_hours'] -%}
        {%- if value is not number or value < 1 or value != (value | int) -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a positive integer; got " ~ value) }}
        {%- endif -%}
    {%- elif name == 'corridor_mix_adjustment_dimension' -%}
        {%- set dimensions = corridor.segment_dimensions() | map(attribute='dimension') | list -%}
        {%- if value is none -%}
            {%- set value = dimensions[0] if dimensions else none -%}
        {%- elif value not in dimensions -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_mix_adjustment_dimension' is '" ~ value ~ "'; expected one of the segment dimensions of corridor_segment_columns (" ~ (dimensions | join(', ') or 'none configured') ~ ") or null.") }}
        {%- endif -%}
    {%- elif name in ['corridor_escalation_hours', 'corridor_post_mortem_days', 'corridor_post_mortem_severities', 'corridor_governance_as_of', 'corridor_review_period'] -%}
        {%- set value = corridor.validate_governance_setting(name, value) -%}
    {%- elif name.startswith('corridor_label_free_') -%}
        {%- set value = corridor.validate_label_free_setting(name, value) -%}
    {%- elif name == 'corridor_python_bootstrap' and value is not boolean -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_python_bootstrap' must be true or false; got " ~ value) }}
    {%- elif name == 'corridor_error_status_min' and value is not none and (value is not number or value != (value | int) or value < 1) -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_error_status_min' must be a positive integer status code (e.g. 500: statuses of 500 and above are errors) or null; got " ~ value) }}
    {%- elif name == 'corridor_quarantine_threshold' and (value is not number or value < 0 or value > 1) -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_quarantine_threshold' must be a fraction in [0, 1] (0: any quarantined row); got " ~ value) }}
    {%- elif name == 'corridor_seasonal_baseline' -%}
        {%- set merged = {} -%}
        {%- for grain, given in (value.items() if value is mapping else []) -%}
            {%- if grain not in defaults[name] -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' names an unknown grain '" ~ grain ~ "'." ~ corridor.did_you_mean(grain, defaults[name].keys() | list) ~ " Known: " ~ (defaults[name].keys() | list | join(', ')) ~ ".") }}
            {%- endif -%}
            {%- for key in (given.keys() if given is mapping else []) -%}
                {%- if key not in defaults[name][grain] -%}
                    {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline." ~ grain ~ "' has an unknown key '" ~ key ~ "'." ~ corridor.did_you_mean(key, defaults[name][grain].keys() | list) ~ " Allowed: " ~ (defaults[name][grain].keys() | list | join(', ')) ~ ".") }}
                {%- endif -%}
            {%- endfor -%}
        {%- endfor -%}
        {%- for grain, spec in defaults[name].items() -%}
            {%- set given = value.get(grain, {}) if value is mapping else none -%}
            {%- if given is none or given is not mapping -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' must map grains (hour, day, week, month) to {period_hours, lookback_periods, min_history}; got " ~ value) }}
            {%- endif -%}
            {%- set one = {} -%}
            {%- do one.update(spec) -%}
            {%- do one.update(given) -%}
            {%- for key in ['period_hours', 'lookback_periods', 'min_history'] -%}
                {%- if one[key] is not number or one[key] < 1 or one[key] != (one[key] | int) -%}
                    {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' " ~ grain ~ "." ~ key ~ " must be a positive integer; got " ~ one[key]) }}
                {%- endif -%}
            {%- endfor -%}
            {%- if one['min_history'] > one['lookback_periods'] -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' " ~ grain ~ ".min_history (" ~ one['min_history'] ~ ") exceeds lookback_periods (" ~ one['lookback_periods'] ~ ").") }}
            {%- endif -%}
            {%- do merged.update({grain: one}) -%}
        {%- endfor -%}
        {%- set value = merged -%}
    {%- elif name == 'corridor_rolling_windows' -%}
        {#- normalized to [{name: rolling_<days>d, days: N}] (docs/windows.md#rolling-windows) -#}
        {%- set example = " Example: corridor_rolling_windows: [{days: 7}] (trailing 7 days, stepped daily)." -%}
        {%- if value is none -%}
            {%- set value = [] -%}
        {%- endif -%}
        {%- if value is string or value is mapping or value is number or value is not iterable -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_rolling_windows' must be a list of mappings {days: N[, name: ...]}; got " ~ tojson(value) ~ "." ~ example) }}
        {%- endif -%}
        {%- set normalized = [] -%}
        {%- for window in value -%}
            {%- set where = "corridor: var 'corridor_rolling_windows' item " ~ loop.index ~ " (" ~ tojson(window) ~ ")" -%}
            {%- if window is not mapping -%}
                {{ exceptions.raise_compiler_error(where ~ " must be a mapping {days: N[, name: ...]}." ~ example) }}
            {%- endif -%}
            {%- for key in window.keys() -%}
                {%- if key not in ['days', 'name'] -%}
                    {{ exceptions.raise_compiler_error(where ~ " has an unknown key '" ~ key ~ "'." ~ corridor.did_you_mean(key, ['days', 'name']) ~ " Allowed: days (the window's length in days, an integer from 2 to 366), name (optional; default rolling_<days>d).") }}
                {%- endif -%}
            {%- endfor -%}
            {%- set days = window.get('days') -%}
            {%- if days is not number or days is boolean or days != (days | int) or days < 2 or days > 366 -%}
                {{ exceptions.raise_compiler_error(where ~ ": days must be an integer from 2 to 366 (a 1-day window is the day grain); got " ~ tojson(days) ~ "." ~ example) }}
            {%- endif -%}
            {%- set grain = window.get('name') or ('rolling_' ~ (days | int) ~ 'd') -%}
            {%- if grain is not string or not modules.re.match('^[a-z][a-z0-9_]{0,39}$', grain) -%}
                {{ exceptions.raise_compiler_error(where ~ ": name must be a lowercase identifier of at most 40 characters (letters, digits, _), e.g. rolling_7d; got " ~ tojson(grain) ~ ".") }}
            {%- endif -%}
            {%- if grain in corridor.known_window_grains() or grain in ['input', 'all'] or grain in (normalized | map(attribute='name') | list) -%}
                {{ exceptions.raise_compiler_error(where ~ ": the name '" ~ grain ~ "' is already a window grain; give each rolling window its own name.") }}
            {%- endif -%}
            {%- do normalized.append({'name': grain, 'days': days | int}) -%}
        {%- endfor -%}
        {%- set value = normalized -%}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
