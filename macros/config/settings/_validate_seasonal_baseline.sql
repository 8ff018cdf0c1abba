{#- corridor._validate_seasonal_baseline(name, value): merged over the defaults grain by grain; positive integers, min_history at most
    lookback_periods (a validator of the settings registry, called by corridor.setting). -#}
{% macro _validate_seasonal_baseline(name, value) %}
    {%- set defaults = corridor._corridor_settings()[name]['default'] -%}
    {%- set merged = {} -%}
    {%- for grain, given in (value.items() if value is mapping else []) -%}
        {%- if grain not in defaults -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' names an unknown grain '" ~ grain ~ "'."
                ~ corridor.did_you_mean(grain, defaults.keys() | list) ~ " Known: " ~ (defaults.keys() | list | join(', ')) ~ ".") }}
        {%- endif -%}
        {%- for key in (given.keys() if given is mapping else []) -%}
            {%- if key not in defaults[grain] -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline." ~ grain ~ "' has an unknown key '" ~ key
                    ~ "'." ~ corridor.did_you_mean(key, defaults[grain].keys() | list) ~ " Allowed: "
                    ~ (defaults[grain].keys() | list | join(', ')) ~ ".") }}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- for grain, spec in defaults.items() -%}
        {%- set given = value.get(grain, {}) if value is mapping else none -%}
        {%- if given is none or given is not mapping -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' must map grains (hour, day, week, month) to "
                "{period_hours, lookback_periods, min_history}; got " ~ value) }}
        {%- endif -%}
        {%- set one = {} -%}
        {%- do one.update(spec) -%}
        {%- do one.update(given) -%}
        {%- for key in ['period_hours', 'lookback_periods', 'min_history'] -%}
            {%- if one[key] is not number or one[key] < 1 or one[key] != (one[key] | int) -%}
                {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' " ~ grain ~ "." ~ key ~ " must be a "
                    "positive integer; got " ~ one[key]) }}
            {%- endif -%}
        {%- endfor -%}
        {%- if one['min_history'] > one['lookback_periods'] -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_seasonal_baseline' " ~ grain ~ ".min_history ("
                ~ one['min_history'] ~ ") exceeds lookback_periods (" ~ one['lookback_periods'] ~ ").") }}
        {%- endif -%}
        {%- do merged.update({grain: one}) -%}
    {%- endfor -%}
    {%- set value = merged -%}
    {{ return(value) }}
{% endmacro %}
