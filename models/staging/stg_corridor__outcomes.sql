{#-
    One row per outcome (label) as delivered: the observed class (0/1) for a
    binary classifier or the observed value for a regression model, with the
    time it arrived. Arrival long after the event is normal, not an error.
-#}
{%- set relation = corridor.input_relation('outcomes') -%}
{%- set c = corridor.resolve_input_columns('outcomes', relation) -%}
{%- set ts = dbt.type_timestamp() -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['event_id'] }} as {{ dbt.type_string() }}) as event_id,
        {{ corridor.try_cast(c['label'], corridor.type_double()) }} as label,
        {{ corridor.try_cast(c['label_arrived_at'], ts) if c['label_arrived_at'] else 'cast(null as ' ~ ts ~ ')' }} as label_arrived_at

    from source

)

select * from renamed
