{#- corridor._validate_rolling_windows(name, value): normalized to [{name: rolling_<days>d, days: N}] (docs/windows.md#rolling-windows) (a
    validator of the settings registry, called by corridor.setting). -#}
{% macro _validate_rolling_windows(name, value) %}
    {#- normalized to [{name: rolling_<days>d, days: N}] (docs/windows.md#rolling-windows) -#}
    {%- set example = " Example: corridor_rolling_windows: [{days: 7}] (trailing 7 days, stepped daily)." -%}
    {%- if value is none -%}
        {%- set value = [] -%}
    {%- endif -%}
    {%- if value is string or value is mapping or value is number or value is not iterable -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_rolling_windows' must be a list of mappings {days: N[, name: ...]}; "
            "got " ~ tojson(value) ~ "." ~ example) }}
    {%- endif -%}
    {%- set normalized = [] -%}
    {%- for window in value -%}
        {%- set where = "corridor: var 'corridor_rolling_windows' item " ~ loop.index ~ " (" ~ tojson(window) ~ ")" -%}
        {%- if window is not mapping -%}
            {{ exceptions.raise_compiler_error(where ~ " must be a mapping {days: N[, name: ...]}." ~ example) }}
        {%- endif -%}
        {%- for key in window.keys() -%}
            {%- if key not in ['days', 'name'] -%}
                {{ exceptions.raise_compiler_error(where ~ " has an unknown key '" ~ key ~ "'." ~ corridor.did_you_mean(key, ['days',
                    'name']) ~ " Allowed: days (the window's length in days, an integer from 2 to 366), name (optional; default "
                    "rolling_<days>d).") }}
            {%- endif -%}
        {%- endfor -%}
        {%- set days = window.get('days') -%}
        {%- if days is not number or days is boolean or days != (days | int) or days < 2 or days > 366 -%}
            {{ exceptions.raise_compiler_error(where ~ ": days must be an integer from 2 to 366 (a 1-day window is the day grain); got "
                ~ tojson(days) ~ "." ~ example) }}
        {%- endif -%}
        {%- set grain = window.get('name') or ('rolling_' ~ (days | int) ~ 'd') -%}
        {%- if grain is not string or not modules.re.match('^[a-z][a-z0-9_]{0,39}$', grain) -%}
            {{ exceptions.raise_compiler_error(where ~ ": name must be a lowercase identifier of at most 40 characters (letters, digits, "
                "_), e.g. rolling_7d; got " ~ tojson(grain) ~ ".") }}
        {%- endif -%}
        {%- if grain in corridor.known_window_grains() or grain in ['input', 'all']
            or grain in (normalized | map(attribute='name') | list) -%}
            {{ exceptions.raise_compiler_error(where ~ ": the name '" ~ grain ~ "' is already a window grain; give each rolling window its "
                "own name.") }}
        {%- endif -%}
        {%- do normalized.append({'name': grain, 'days': days | int}) -%}
    {%- endfor -%}
    {%- set value = normalized -%}
    {{ return(value) }}
{% endmacro %}
