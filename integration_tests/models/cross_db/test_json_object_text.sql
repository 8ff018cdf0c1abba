{#- corridor.json_object_text: the quarantine's copy of a row as it arrived, as JSON text. Engines print JSON with
    different spacing, so the text is compared without its spaces (the values here have none); a null value stays a
    key with null (not dropped), numbers and timestamps become strings, quotes and backslashes are escaped -#}
with cases as (
    select
        1 as case_id,
        'abc' as txt,
        cast(2.5 as {{ corridor.type_double() }}) as num,
        cast(null as {{ dbt.type_string() }}) as missing
    union all select 2, {{ corridor.sql_string('say"hi"\\') }}, cast(-1.25 as {{ corridor.type_double() }}), 'here'
),

rendered as (
    select
        case_id,
        {{ corridor.json_object_text([('txt', 'txt'), ('num', 'num'), ('missing', 'missing')]) }} as payload
    from cases
)

select case_id, replace(payload, ' ', '') as payload from rendered
