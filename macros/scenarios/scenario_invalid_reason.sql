{#-
    corridor.scenario_invalid_reason(scenario_id, copies, kind, starts_at,
    duration_hours, size, seeds, segment_dimension): a case expression naming
    the first field of a declared scenario that cannot be injected and what
    it expects (a unique scenario_id, a kind of corridor.scenario_kinds, a
    starts_at, a positive duration_hours, a size in the kind's range, seeds
    from 1 to 1000, segment_dimension all or a segment dimension); null for a
    valid scenario. The arguments are the columns it reads (copies: the rows
    sharing the scenario_id).
-#}
{% macro scenario_invalid_reason(scenario_id='scenario_id', copies='copies', kind='kind', starts_at='starts_at',
    duration_hours='duration_hours', size='size', seeds='seeds', segment_dimension='segment_dimension') -%}
    {{ return(adapter.dispatch('scenario_invalid_reason', 'corridor')(
        scenario_id, copies, kind, starts_at, duration_hours, size, seeds, segment_dimension)) }}
{%- endmacro %}

{% macro default__scenario_invalid_reason(scenario_id, copies, kind, starts_at, duration_hours, size, seeds, segment_dimension) -%}
    {%- set kinds = corridor.scenario_kinds() -%}
    {%- set dimensions = corridor.segment_dimensions() | map(attribute='dimension') | list -%}
    {%- set string = dbt.type_string() -%}
        case
            when {{ scenario_id }} is null then 'scenario_id is missing'
            when {{ copies }} > 1 then 'scenario_id is declared ' || cast({{ copies }} as {{ string }}) || ' times; ids must be unique'
            when {{ kind }} is null or {{ kind }} not in ({{ corridor.sql_string_list(kinds.keys() | list) }})
                then 'kind must be one of {{ kinds.keys() | join(", ") }}; got ' || coalesce({{ kind }}, 'null')
            when {{ starts_at }} is null then 'starts_at is missing or not a timestamp'
            when {{ duration_hours }} is null or {{ duration_hours }} <= 0 then 'duration_hours must be a positive number of hours'
            {%- for name, spec in kinds.items() %}
            when {{ kind }} = {{ corridor.sql_string(name) }} and ({{ size }} is null or {{ size }} < {{ spec['min'] }}{{
                ' or ' ~ size ~ ' > ' ~ spec['max'] if spec['max'] is not none }}{{
                ' or ' ~ size ~ ' = 0' if name == 'latency_multiplier' }})
                then 'size of a {{ name }} scenario must be {{ spec["size"] }}; got '
                || case when {{ size }} is null then 'null' else {{ corridor.format_number(size) }} end
            {%- endfor %}
            when {{ seeds }} is null or {{ seeds }} < 1 or {{ seeds }} > 1000 then 'seeds must be an integer from 1 to 1000'
            when
                {{ segment_dimension }} not in ({{ corridor.sql_string_list(['all'] + dimensions) }}) then
            'segment_dimension must be all or one of the segment dimensions ({{ dimensions | join(", ") }}); got ' || {{
                segment_dimension }}
        end
{%- endmacro %}
