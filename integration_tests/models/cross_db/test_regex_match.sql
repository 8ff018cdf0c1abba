{#- corridor.regex_match against Python's re.search (the patterns are in the POSIX / RE2 subset the engines share):
    anchored and unanchored patterns (a match anywhere counts), case-sensitivity, alternation with an optional part,
    a quote in the pattern, the empty string, and null text (null on every engine) -#}
with cases as (
    select 1 as case_id, '2026-03' as txt
    union all select 2, 'x2026-03'
    union all select 3, 'abbbc'
    union all select 4, 'ABC'
    union all select 5, '+02:00'
    union all select 6, '-0530'
    union all select 7, 'O''Brien'
    union all select 8, ''
    union all select 9, cast(null as {{ dbt.type_string() }})
)

select
    case_id,
    {{ corridor.regex_match('txt', '^[0-9]{4}-[0-9]{2}$') }} as is_year_month,
    {{ corridor.regex_match('txt', 'b+c') }} as has_bs_then_c,
    {{ corridor.regex_match('txt', '^(Z|[+-][0-9]{2}(:?[0-9]{2})?)$') }} as is_offset,
    {{ corridor.regex_match('txt', "O'B") }} as has_quote,
    {{ corridor.regex_match('txt', '^$') }} as is_empty
from cases
