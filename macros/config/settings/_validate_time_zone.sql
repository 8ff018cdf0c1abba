{#- corridor._validate_time_zone(name, value): a known IANA zone whose UTC offset is a whole number of hours all year (a validator of the
    settings registry, called by corridor.setting). -#}
{% macro _validate_time_zone(name, value) %}
    {%- if value not in modules.pytz.all_timezones -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_time_zone' must be an IANA time zone name such as 'UTC', "
            "'Europe/Berlin' or 'America/New_York'; got " ~ value) }}
    {%- endif -%}
    {%- set zone = modules.pytz.timezone(value) -%}
    {%- for month in [1, 4, 7, 10] -%}
        {%- set offset = zone.utcoffset(modules.datetime.datetime(2026, month, 15, 12)) -%}
        {%- if (offset.days * 86400 + offset.seconds) % 3600 != 0 -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_time_zone' is '" ~ value ~ "', whose UTC offset is not a whole "
                "number of hours (" ~ offset ~ "); corridor builds days from UTC hours, so it supports zones with whole-hour offsets "
                "only.") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(value) }}
{% endmacro %}
