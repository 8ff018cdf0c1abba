{#-
    corridor.parse_timestamp(expr, source_type): a UTC timestamp from an input
    column, null where it does not parse. Text with an explicit offset
    ('...+02:00', '...Z') or a time zone name after the time
    ('12:14 Europe/Berlin', '12:16 EST') is converted to UTC (a name the
    engine does not know gives null, so the row is quarantined as
    unparseable: never read as UTC); text without a zone is taken as UTC
    (the input contract). PostgreSQL accepts offsets only (names: null). A timestamp-with-time-zone column is
    converted to UTC; a plain timestamp column is used as it is.
-#}

{% macro parse_timestamp(expr, source_type=none) -%}
    {{ return(adapter.dispatch('parse_timestamp', 'corridor')(expr, source_type)) }}
{%- endmacro %}

{% macro default__parse_timestamp(expr, source_type=none) -%}
    {%- set t = (source_type or '') | lower -%}
    {%- set ts = dbt.type_timestamp() -%}
    {%- if 'with time zone' in t or t in ['timestamptz', 'timestamp_tz'] -%}
        cast(timezone('UTC', {{ expr }}) as {{ ts }})
    {%- elif t.startswith('timestamp') or t == 'date' -%}
        cast({{ expr }} as {{ ts }})
    {%- else -%}
        case
            when {{ corridor.regex_match('trim(cast(' ~ expr ~ ' as ' ~ dbt.type_string() ~ '))',
                '[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? *(Z|z|[+-][0-9]{2}(:?[0-9]{2})?|[A-Za-z][A-Za-z0-9_/+-]*)$') }}
                then cast(timezone('UTC', {{ corridor.try_cast('trim(cast(' ~ expr ~ ' as ' ~ dbt.type_string() ~ '))', 'timestamp with '
                    'time zone') }}) as {{ ts }})
            else {{ corridor.try_cast('trim(cast(' ~ expr ~ ' as ' ~ dbt.type_string() ~ '))', ts) }}
        end
    {%- endif -%}
{%- endmacro %}

{#- Spark's cast reads offsets ('+02:00', 'Z') and zone names after the time itself and converts to the
    session time zone (corridor's Spark profile sets spark.sql.session.timeZone UTC); unparseable text is null. -#}

{% macro spark__parse_timestamp(expr, source_type=none) -%}
    {%- set t = (source_type or '') | lower -%}
    {%- if t.startswith('timestamp') or t == 'date' -%}
        cast({{ expr }} as timestamp)
    {%- else -%}
        try_cast(trim(cast({{ expr }} as string)) as timestamp)
    {%- endif -%}
{%- endmacro %}
