{#- corridor.epoch_seconds and corridor.parse_timestamp: text with and without an offset, and text that is no time -#}
with cases as (
    select 1 as case_id, '2026-03-01 10:00:00' as raw
    union all select 2, '2026-03-01 10:00:00+02:00'
    union all select 3, '2026-03-01T10:00:00Z'
    union all select 4, '2026-03-01 10:00:00.250'
    union all select 5, '1970-01-01 00:00:00'
    union all select 6, 'not a time'
)

select
    case_id,
    {{ corridor.epoch_seconds(corridor.parse_timestamp('raw')) }} as epoch_seconds
from cases
