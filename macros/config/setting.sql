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
        {{ exceptions.raise_compiler_error("corridor: unknown setting '" ~ name ~ "'. Known settings: " ~ (defaults.keys() | list | sort | join(', '))) }}
    {%- endif -%}
    {%- set value = var(name, defaults[name]) -%}

    {%- if name == 'corridor_model_type' and value not in ['binary_classifier', 'regression'] -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_model_type' is '" ~ value ~ "'; expected 'binary_classifier' or 'regression'.") }}
    {%- elif name in ['corridor_window_grains', 'corridor_histogram_metric_grains'] -%}
        {%- if value is string or value is mapping or value | length == 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a non-empty list drawn from hour, day, week; got " ~ value) }}
        {%- endif -%}
        {%- for grain in value -%}
            {%- if grain not in ['hour', 'day', 'week'] -%}
                {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' contains '" ~ grain ~ "'; allowed grains are hour, day, week.") }}
            {%- endif -%}
        {%- endfor -%}
    {%- elif name in ['corridor_classification_threshold', 'corridor_confidence_level'] -%}
        {%- if value is not number or value <= 0 or value >= 1 -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be a number strictly between 0 and 1; got " ~ value) }}
        {%- endif -%}
    {%- elif name in ['corridor_calibration_bins', 'corridor_score_bins'] -%}
        {%- if value is not number or value < 2 or value != (value | int) -%}
            {{ exceptions.raise_compiler_error("corridor: var '" ~ name ~ "' must be an integer of at least 2; got " ~ value) }}
        {%- endif -%}
        {%- if name == 'corridor_score_bins' and (value | int) % (var('corridor_calibration_bins', defaults['corridor_calibration_bins']) | int) != 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_score_bins' (" ~ value ~ ") must be a multiple of 'corridor_calibration_bins' so calibration bins are unions of score bins.") }}
        {%- endif -%}
    {%- elif name in ['corridor_bootstrap_resamples', 'corridor_sql_bootstrap_resamples', 'corridor_bootstrap_max_shared_events'] -%}
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
    {%- elif name == 'corridor_bootstrap_grains' and value is not none -%}
        {%- if value is string or value is mapping or value | length == 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_bootstrap_grains' must be a non-empty list drawn from hour, day, week (or null for corridor_window_grains); got " ~ value) }}
        {%- endif -%}
        {%- for grain in value -%}
            {%- if grain not in ['hour', 'day', 'week'] -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_bootstrap_grains' contains '" ~ grain ~ "'; allowed grains are hour, day, week.") }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
