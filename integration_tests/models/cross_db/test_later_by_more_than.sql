{#- corridor.later_by_more_than: at, just past and just before the tolerance, across a month end and February,
    for a few minutes, 27 days and 30 days, and with nulls -#}
{%- set cases = [
    (1, '2026-01-31 23:58:00', '2026-01-31 23:53:00', 5),
    (2, '2026-01-31 23:58:00.000001', '2026-01-31 23:53:00', 5),
    (3, '2026-02-01 00:02:00', '2026-01-31 23:57:00', 5),
    (4, '2026-02-01 00:02:00.000001', '2026-01-31 23:57:00', 5),
    (5, '2026-01-31 23:53:00', '2026-01-31 23:58:00', 5),
    (6, '2026-03-27 10:00:00', '2026-02-28 10:00:00', 38880),
    (7, '2026-03-27 10:00:00.000001', '2026-02-28 10:00:00', 38880),
    (8, '2024-03-27 10:00:00.000001', '2024-02-29 10:00:00', 38880),
    (9, '2026-03-30 10:00:00', '2026-02-28 10:00:00', 43200),
    (10, '2026-03-30 10:00:01', '2026-02-28 10:00:00', 43200),
    (11, '2026-03-29 10:00:00', '2026-02-28 10:00:00', 43200),
    (12, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0),
    (13, '2026-01-01 00:00:00.000001', '2026-01-01 00:00:00', 0),
    (14, none, '2026-01-01 00:00:00', 5),
    (15, '2026-01-01 00:00:00', none, 5),
] -%}
{%- set ts = dbt.type_timestamp() -%}
with pairs as (
    {%- for case_id, later, earlier, minutes in cases %}
    select
        {{ case_id }} as case_id,
        {{ minutes }} as minutes,
        {{ "cast('" ~ later ~ "' as " ~ ts ~ ")" if later else 'cast(null as ' ~ ts ~ ')' }} as later_at,
        {{ "cast('" ~ earlier ~ "' as " ~ ts ~ ")" if earlier else 'cast(null as ' ~ ts ~ ')' }} as earlier_at
    {{ 'union all' if not loop.last }}
    {%- endfor %}
)

select
    case_id,
    case
        {%- for case_id, later, earlier, minutes in cases %}
        when case_id = {{ case_id }} then case
            when {{ corridor.later_by_more_than('later_at', 'earlier_at', minutes) }} then 1
            when not ({{ corridor.later_by_more_than('later_at', 'earlier_at', minutes) }}) then 0
        end
        {%- endfor %}
    end as is_later
from pairs
