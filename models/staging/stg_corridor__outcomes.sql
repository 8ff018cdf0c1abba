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
{%- set cfg = corridor.input_config('outcomes') -%}
{%- set ts = dbt.type_timestamp() -%}
{%- set label = corridor.try_cast(c['label'], corridor.type_double()) -%}
{%- set arrived = corridor.parse_timestamp(c['label_arrived_at'], types.get('label_arrived_at')) if c['label_arrived_at'] else none -%}
{#- a column the input already types (a number, a timestamp) is missing when null and never unparseable: the
    checks on its text (a cast to text per row, the costly part of a scan at 100M rows) are for text inputs -#}
{%- set label_type = types.get('label', '').split('(')[0].split(' ')[0] -%}
{%- set label_is_typed = label_type in ['double', 'float', 'real', 'numeric', 'decimal', 'integer', 'bigint', 'smallint', 'int',
    'tinyint', 'hugeint'] -%}
{%- set arrived_is_typed = types.get('label_arrived_at', '').startswith('timestamp') or types.get('label_arrived_at', '') == 'date' -%}

with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        cast({{ c['event_id'] }} as {{ dbt.type_string() }}) as event_id,
        {%- for key, staged, expr in corridor.raw_columns('outcomes', c) %}
        {{ expr }} as {{ staged }},
        {%- endfor %}
        {{ label }} as label,
        ({{ c['event_id'] }} is null or trim(cast({{ c['event_id'] }} as {{ dbt.type_string() }})) = '') as event_id_is_missing,
        {%- if label_is_typed %}
        ({{ c['label'] }} is null) as label_is_missing,
        false as label_is_unparseable,
        {%- else %}
        ({{ c['label'] }} is null or trim(cast({{ c['label'] }} as {{ dbt.type_string() }})) = '') as label_is_missing,
        ({{ c['label'] }} is not null and trim(cast({{ c['label'] }} as {{ dbt.type_string() }})) <> '' and {{ label }} is null)
            as label_is_unparseable,
        {%- endif %}
        {%- if arrived is none or arrived_is_typed %}
        false as label_arrived_at_is_unparseable,
        {%- else %}
        (
            {{ c['label_arrived_at'] }} is not null and trim(cast({{ c['label_arrived_at'] }} as {{ dbt.type_string() }})) <> ''
            and {{ arrived }} is null
        ) as label_arrived_at_is_unparseable,
        {%- endif %}
        {{ arrived or 'cast(null as ' ~ ts ~ ')' }} as label_arrived_at

    from source

)

select * from renamed
