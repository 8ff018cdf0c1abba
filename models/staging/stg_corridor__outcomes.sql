{#-
    One row per outcome (label) as delivered: the observed class (0/1) for a
    binary classifier or the observed value for a regression model, with the
    time it arrived. Arrival long after the event is normal, not an error.
    <column>_is_missing / _is_unparseable and raw__1, raw__2, ... (the row as it
    arrived, corridor.raw_columns) feed the quarantine and the quality gates.
-#}
{%- set relation = corridor.input_relation('outcomes') -%}
{%- set c = corridor.resolve_input_columns('outcomes', relation) -%}
{%- set types = corridor.input_column_types('outcomes', relation) -%}
{%- set parsed = corridor.outcome_parsed_columns(c, types) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['event_id'] }} as {{ dbt.type_string() }}) as event_id,
        {{- corridor.staged_raw_columns('outcomes', c) }}
        {{ parsed['label'] }} as label,
        {{ corridor.is_blank(c['event_id']) }} as event_id_is_missing,
        {{- corridor.outcome_parse_flags(c, parsed, types) }}
        {{ parsed['label_arrived_at'] or 'cast(null as ' ~ dbt.type_timestamp() ~ ')' }} as label_arrived_at

    from source

)

select * from renamed
