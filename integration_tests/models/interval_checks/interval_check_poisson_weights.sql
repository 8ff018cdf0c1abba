{#- A sample of corridor.poisson_bootstrap_weights on every engine: 4,000 keys
    (md5 of an id, as for events) × 50 replicates, checked by pytest for
    Poisson(1) moments, independence and equality across engines. -#}
with

ids as (

    select
        n as id,
        {{ corridor.hash32(dbt.concat(["'evt_'", dbt.cast('n', dbt.type_string())])) }} as event_key
    from {{ corridor.integer_series(1, 4000) }} as series

),

weights as (

    {{ corridor.poisson_bootstrap_weights('ids', 'event_key', 50, 20261127) }}

)

select
    id,
    event_key,
    bootstrap_replicate,
    bootstrap_weight
from weights
