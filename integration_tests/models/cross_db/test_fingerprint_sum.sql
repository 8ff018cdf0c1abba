{#- corridor.fingerprint_sum: the same rows in another order give the same value; a changed, removed or added row
    (a null changed to a value included) gives another; the condition keeps only its rows; no row gives '0' -#}
{%- set t = dbt.type_timestamp() -%}
{#- (set, event id, arrival: a day of October 2026 and a time, or none) -#}
{%- set rows = [
    ('a', 'e1', '01 00:00:01'), ('a', 'e2', '02 00:00:00'), ('a', 'e3', none),
    ('reordered', 'e3', none), ('reordered', 'e2', '02 00:00:00'), ('reordered', 'e1', '01 00:00:01'),
    ('later', 'e1', '01 00:00:01'), ('later', 'e2', '02 00:00:01'), ('later', 'e3', none),
    ('fewer', 'e1', '01 00:00:01'), ('fewer', 'e2', '02 00:00:00'),
    ('more', 'e1', '01 00:00:01'), ('more', 'e2', '02 00:00:00'), ('more', 'e3', none), ('more', 'e3', none),
    ('arrived', 'e1', '01 00:00:01'), ('arrived', 'e2', '02 00:00:00'), ('arrived', 'e3', '03 00:00:00'),
    ('first_and_null', 'e1', '01 00:00:01'), ('first_and_null', 'e3', none),
] %}
with rows_in as (
    {%- for set_name, event_id, arrived in rows %}
    select
        '{{ set_name }}' as set_name,
        '{{ event_id }}' as event_id,
        cast({{ "'2026-10-" ~ arrived ~ "'" if arrived else 'null' }} as {{ t }}) as arrived_at
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

fingerprints as (
    select
        set_name,
        {{ corridor.fingerprint_sum(['event_id', 'arrived_at']) }} as fingerprint,
        {{ corridor.fingerprint_sum(['event_id', 'arrived_at'],
            "arrived_at is null or arrived_at <= cast('2026-10-01 12:00:00' as " ~ t ~ ")") }} as fingerprint_before,
        {{ corridor.fingerprint_sum(['event_id', 'arrived_at'], '1 = 0') }} as fingerprint_of_none
    from rows_in
    group by set_name
),

a as (
    select * from fingerprints where set_name = 'a'
)

select
    cases.case_id,
    case when cases.left_value = cases.right_value then 1 else 0 end as is_equal
from (
    select 1 as case_id, a.fingerprint as left_value, other.fingerprint as right_value
    from a cross join fingerprints as other where other.set_name = 'reordered'
    union all
    select 2, a.fingerprint, other.fingerprint from a cross join fingerprints as other where other.set_name = 'later'
    union all
    select 3, a.fingerprint, other.fingerprint from a cross join fingerprints as other where other.set_name = 'fewer'
    union all
    select 4, a.fingerprint, other.fingerprint from a cross join fingerprints as other where other.set_name = 'more'
    union all
    select 5, a.fingerprint, other.fingerprint from a cross join fingerprints as other where other.set_name = 'arrived'
    union all
    select 6, a.fingerprint_before, other.fingerprint
    from a cross join fingerprints as other where other.set_name = 'first_and_null'
    union all
    select 7, a.fingerprint_of_none, '0' from a
) as cases
