{#- corridor.quote_identifier: names from configuration stay names (a reserved word; a name with a space, both quote
    characters and SQL text) and are read back as the columns they name -#}
with cases as (
    select
        1 as case_id,
        7 as {{ corridor.quote_identifier('select') }},
        8 as {{ corridor.quote_identifier('a`b"c d; drop table x') }}
)

select
    case_id,
    {{ corridor.quote_identifier('select') }} * 10 + {{ corridor.quote_identifier('a`b"c d; drop table x') }} as total
from cases
