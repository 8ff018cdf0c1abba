{#- corridor._validate_score_bins(name, value): a multiple of corridor_calibration_bins, so calibration bins are unions of score bins (a
    validator of the settings registry, called by corridor.setting). -#}
{% macro _validate_score_bins(name, value) %}
    {%- if (value | int) % (corridor.setting('corridor_calibration_bins') | int) != 0 -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_score_bins' (" ~ value ~ ") must be a multiple of "
            "'corridor_calibration_bins' so calibration bins are unions of score bins.") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
