{#-
    One row per valid scenario (stg_corridor__scenarios) × seed 1..seeds: a
    run is one deterministic injection; power is measured over a scenario's
    runs.
-#}
with

scenarios as (

    select * from {{ ref('stg_corridor__scenarios') }}
    where is_valid

),

final as (

    select
        scenarios.scenario_id,
        scenarios.kind,
        scenarios.model_id,
        scenarios.segment_dimension,
        scenarios.segment_value,
        scenarios.size,
        scenarios.seeds,
        cast(seed_numbers.n as {{ dbt.type_int() }}) as seed,
        scenarios.starts_at,
        scenarios.ends_at

    from scenarios
    cross join {{ corridor.integer_series(1, 1000) }} as seed_numbers
    where seed_numbers.n <= scenarios.seeds

)

select * from final
