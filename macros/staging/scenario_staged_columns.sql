{#-
    corridor.scenario_staged_columns(columns): the select list of the
    scenarios input's rows, typed (scenario_id, kind lowercased, model_id,
    segment_dimension and segment_value defaulting to 'all', duration_hours
    and size as numbers, seeds defaulting to var corridor_scenario_seeds,
    starts_at parsed) with copies, the rows sharing the scenario_id; the last
    item has no comma. `columns` is what corridor.resolve_input_columns
    returned for the scenarios input.
-#}
{% macro scenario_staged_columns(columns) -%}
    {{ return(adapter.dispatch('scenario_staged_columns', 'corridor')(columns)) }}
{%- endmacro %}

{% macro default__scenario_staged_columns(columns) -%}
    {%- set c = columns -%}
    {%- set string = dbt.type_string() -%}
    {%- set double = corridor.type_double() -%}
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
{%- endmacro %}
