{#- corridor.parse_timestamp against Python's datetime (UTC epoch seconds). Text: no zone (read as UTC), 'T' and
    'Z', a positive offset and a negative half-hour offset on a leap day crossing midnight (and spaces around), an
    offset without a colon, a fraction of a second, a date alone, a zone name in winter and in summer, an unknown zone
    name, an hour 25, text that is no time, the empty string and null (null for the last five), and days that do
    not exist in their month (a 30 February, a 29 February of a common year, a 31 April with an offset: null, where
    PostgreSQL's own cast fails). Typed columns: a
    timestamp and a date used as they are, a timestamp with time zone converted to UTC (Spark has no such type: its
    timestamp is the instant, read in the session's UTC).
    Engine semantics: PostgreSQL reads offsets only, so a zone name gives null there (the documented contract of
    the macro: such a row is quarantined as unparseable, never read as UTC). For cases 11 and 12 on PostgreSQL the
    model turns null into the seed's value and any other value into null, so the check there is that the macro gave
    null. -#}
{%- set ts = dbt.type_timestamp() -%}
{%- set tz_type = 'timestamp' if target.type == 'spark' else 'timestamp with time zone' -%}
{%- set zone_names_read = target.type != 'postgres' -%}
with cases as (
    select 1 as case_id, '2026-03-01 10:00:00' as raw
    union all select 2, '2026-03-01T10:00:00Z'
    union all select 3, '2026-03-01 10:00:00+02:00'
    union all select 4, '  2024-02-29 23:30:00-05:30  '
    union all select 5, '2026-12-31 23:59:59+0100'
    union all select 6, '2026-03-01 10:00:00.250'
    union all select 7, '2024-02-29'
    union all select 8, 'not a time'
    union all select 9, ''
    union all select 10, cast(null as {{ dbt.type_string() }})
    union all select 11, '2026-01-15 12:00:00 Europe/Berlin'
    union all select 12, '2026-07-15 12:00:00 Europe/Berlin'
    union all select 13, '2026-07-15 12:00:00 Mars/Olympus_Mons'
    union all select 14, '2026-03-01 25:00:00'
    union all select 15, '2026-02-30 10:00:00'
    union all select 16, '2026-02-29'
    union all select 17, '2026-04-31 08:00:00+02:00'
),

parsed as (
    select
        case_id,
        {{ corridor.epoch_seconds(corridor.parse_timestamp('raw')) }} as from_text,
        {{ corridor.epoch_seconds(corridor.parse_timestamp("cast('2024-02-29 23:59:59.5' as " ~ ts ~ ")", 'timestamp')) }} as from_timestamp,
        {{ corridor.epoch_seconds(corridor.parse_timestamp("cast('2024-02-29' as date)", 'date')) }} as from_date,
        {{ corridor.epoch_seconds(corridor.parse_timestamp("cast('2026-03-01 10:00:00+02:00' as " ~ tz_type ~ ")",
            'timestamp with time zone')) }} as from_timestamp_tz
    from cases
)

select
    case_id,
    {% if zone_names_read -%}
        from_text
    {%- else -%}
        case
            when case_id = 11 then case when from_text is null then 1768474800.0 end
            when case_id = 12 then case when from_text is null then 1784109600.0 end
            else from_text
        end
    {%- endif %} as from_text,
    from_timestamp,
    from_date,
    from_timestamp_tz
from parsed
