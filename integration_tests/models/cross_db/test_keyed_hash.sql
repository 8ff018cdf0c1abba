{#- corridor.keyed_hash with the test session's key (CORRIDOR_PSEUDONYM_KEY / spark.corridor.pseudonym_key;
    never written here: test_security looks for it in every file dbt writes):
    sha256(md5('corridor-pseudonym-v1:' || key) || ':' || value), computed in Python -#}
with cases as (
    select 1 as case_id, 'customer-42' as entity
    union all select 2, cast(null as {{ dbt.type_string() }})
)

select
    case_id,
    {{ corridor.keyed_hash('entity') }} as pseudonym
from cases
