{#-
    Optional: the known incidents the rule calibration scores detection
    against (corridor_rule_calibration, docs/replay.md), besides the
    post-mortems and acknowledgements int_corridor__ground_truth reads
    directly; in the demo, the planted incidents. One row per
    incident; segment_dimension / segment_value default to all (the whole
    model). A row whose times do not parse, or ends before it starts, is
    kept with is_valid false, so the calibration can say what it ignored.
    Switched off (var corridor_known_incidents: null, the default outside the
    demo): an empty relation with the same columns.
-#}
{%- set relation = corridor.input_relation('known_incidents') -%}
{%- set string = dbt.type_string() -%}

{%- if relation is none %}

select
    cast(null as {{ string }}) as incident_id,
    cast(null as {{ string }}) as model_id,
    cast(null as {{ string }}) as segment_dimension,
    cast(null as {{ string }}) as segment_value,
    cast(null as {{ dbt.type_boolean() }}) as is_valid,
    cast(null as {{ dbt.type_timestamp() }}) as starts_at,
    cast(null as {{ dbt.type_timestamp() }}) as ends_at
where 1 = 0

{%- else %}
{%- set c = corridor.resolve_input_columns('known_incidents', relation) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['incident_id'] }} as {{ string }}) as incident_id,
        cast({{ c['model_id'] }} as {{ string }}) as model_id,
        {{ ('coalesce(cast(' ~ c['segment_dimension'] ~ ' as ' ~ string ~ "), 'all')") if c['segment_dimension'] else "'all'" }}
            as segment_dimension,
        {{ ('coalesce(cast(' ~ c['segment_value'] ~ ' as ' ~ string ~ "), 'all')") if c['segment_value'] else "'all'" }} as segment_value,
        {{ corridor.parse_timestamp(c['starts_at']) }} as starts_at,
        {{ corridor.parse_timestamp(c['ends_at']) }} as ends_at

    from source

),

final as (

    select
        incident_id,
        model_id,
        segment_dimension,
        segment_value,
        incident_id is not null and model_id is not null and starts_at is not null and ends_at is not null
        and ends_at > starts_at as is_valid,
        starts_at,
        ends_at

    from renamed

)

select * from final

{%- endif %}
