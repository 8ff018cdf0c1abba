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
{%- set string = dbt.type_string() -%}
{%- set double = corridor.type_double() -%}
{%- set kinds = corridor.scenario_kinds() -%}
{%- set dimensions = corridor.segment_dimensions() | map(attribute='dimension') | list -%}

{%- if relation is none %}

select
    cast(null as {{ string }}) as scenario_id,
    cast(null as {{ string }}) as kind,
    cast(null as {{ string }}) as model_id,
    cast(null as {{ string }}) as segment_dimension,
    cast(null as {{ string }}) as segment_value,
    cast(null as {{ string }}) as invalid_reason,
    cast(null as {{ double }}) as duration_hours,
    cast(null as {{ double }}) as size,
    cast(null as {{ dbt.type_int() }}) as seeds,
    cast(null as {{ dbt.type_boolean() }}) as is_valid,
    cast(null as {{ dbt.type_timestamp() }}) as starts_at,
    cast(null as {{ dbt.type_timestamp() }}) as ends_at
where 1 = 0

{%- else %}
{%- set c = corridor.resolve_input_columns('scenarios', relation) %}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['scenario_id'] }} as {{ string }}) as scenario_id,
        lower(cast({{ c['kind'] }} as {{ string }})) as kind,
        {{ ('cast(' ~ c['model_id'] ~ ' as ' ~ string ~ ')') if c['model_id'] else 'cast(null as ' ~ string ~ ')' }} as model_id,
        {{ ('coalesce(cast(' ~ c['segment_dimension'] ~ ' as ' ~ string ~ "), 'all')") if c['segment_dimension'] else "'all'" }}
            as segment_dimension,
        {{ ('coalesce(cast(' ~ c['segment_value'] ~ ' as ' ~ string ~ "), 'all')") if c['segment_value'] else "'all'" }} as segment_value,
        {{ corridor.try_cast(c['duration_hours'], double) }} as duration_hours,
        {{ corridor.try_cast(c['size'], double) }} as size,
        coalesce(
            {{ corridor.try_cast(c['seeds'], dbt.type_int()) if c['seeds'] else 'null' }},
            {{ corridor.setting('corridor_scenario_seeds') }}
        ) as seeds,
        {{ corridor.parse_timestamp(c['starts_at']) }} as starts_at,
        count(*) over (partition by {{ c['scenario_id'] }}) as copies

    from source

),

checked as (

    select
        *,
        case
            when scenario_id is null then 'scenario_id is missing'
            when copies > 1 then 'scenario_id is declared ' || cast(copies as {{ string }}) || ' times; ids must be unique'
            when kind is null or kind not in ({{ corridor.sql_string_list(kinds.keys() | list) }})
                then 'kind must be one of {{ kinds.keys() | join(", ") }}; got ' || coalesce(kind, 'null')
            when starts_at is null then 'starts_at is missing or not a timestamp'
            when duration_hours is null or duration_hours <= 0 then 'duration_hours must be a positive number of hours'
            {%- for name, spec in kinds.items() %}
            when kind = {{ corridor.sql_string(name) }} and (size is null or size < {{ spec['min'] }}{{ ' or size > ' ~ spec['max']
                if spec['max'] is not none }}{{ ' or size = 0' if name == 'latency_multiplier' }})
                then 'size of a {{ name }} scenario must be {{ spec["size"] }}; got '
                || case when size is null then 'null' else {{ corridor.format_number('size') }} end
            {%- endfor %}
            when seeds is null or seeds < 1 or seeds > 1000 then 'seeds must be an integer from 1 to 1000'
            when
                segment_dimension not in ({{ corridor.sql_string_list(['all'] + dimensions) }}) then
            'segment_dimension must be all or one of the segment dimensions ({{ dimensions | join(", ") }}); got ' || segment_dimension
        end as invalid_reason

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
