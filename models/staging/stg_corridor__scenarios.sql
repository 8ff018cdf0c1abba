{#-
    Optional: the declared scenarios (var corridor_scenarios; the demo's
    library corridor_demo_scenarios), one row per scenario, validated: a row
    that cannot be injected is kept with is_valid false and invalid_reason
    naming the field and what it expects, and corridor_scenario_results
    reports it under its scenario_id. ends_at = starts_at + duration_hours;
    seeds defaults to var corridor_scenario_seeds. Switched off (the default
    outside the demo): an empty relation with the same columns.
-#}
{%- set relation = corridor.input_relation('scenarios') -%}
{%- if relation is none %}
{{- corridor.empty_scenarios() }}

{%- else %}
{%- set c = corridor.resolve_input_columns('scenarios', relation) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {{ corridor.scenario_staged_columns(c) }}

    from source

),

checked as (

    select
        *,
        {{ corridor.scenario_invalid_reason() }} as invalid_reason

    from renamed

),

final as (

    select
        scenario_id,
        kind,
        model_id,
        segment_dimension,
        segment_value,
        invalid_reason,
        duration_hours,
        size,
        seeds,
        invalid_reason is null as is_valid,
        starts_at,
        {{ dbt.dateadd('second', 'cast(round(duration_hours * 3600) as ' ~ dbt.type_bigint() ~ ')', 'starts_at') }} as ends_at

    from checked

)

select * from final

{%- endif %}
