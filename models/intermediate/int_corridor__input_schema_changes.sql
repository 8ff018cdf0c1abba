{#-
    The columns of each input added, missing or with a changed type since the
    last recorded schema (corridor_input_schema_history): one row per input ×
    change kind (added, missing, type_changed) with the number of columns of
    the last recorded schema (n_previous: 0 on the first run), the number of
    changed columns and their list, for the schema gate checks
    (corridor.schema_change_gate_check).
-#}

with

input_columns as (

    select * from {{ ref('stg_corridor__input_columns') }}

),

schema_history as (

    select * from {{ ref('corridor_input_schema_history') }}

),

latest_recorded as (

    select
        input_name,
        max(recorded_at) as recorded_at

    from schema_history
    group by 1

),

schema_previous as (

    select schema_history.*

    from schema_history
    inner join latest_recorded
        on schema_history.input_name = latest_recorded.input_name
        and schema_history.recorded_at = latest_recorded.recorded_at

),

schema_diff as (

    select
        coalesce(input_columns.input_name, schema_previous.input_name) as input_name,
        coalesce(input_columns.column_name, schema_previous.column_name) as column_name,
        case
            when schema_previous.column_name is null then 'added'
            when input_columns.column_name is null then 'missing'
            when input_columns.data_type <> schema_previous.data_type then 'type_changed'
        end as change_kind,
        schema_previous.data_type as previous_type,
        input_columns.data_type as current_type

    from input_columns
    full outer join schema_previous
        on input_columns.input_name = schema_previous.input_name
        and input_columns.column_name = schema_previous.column_name

),

schema_inputs as (

    select distinct input_name from input_columns

),

final as (

    {%- for kind in ['added', 'missing', 'type_changed'] %}
    select
        schema_inputs.input_name,
        '{{ kind }}' as change_kind,
        (
            select count(*) from schema_previous
            where schema_previous.input_name = schema_inputs.input_name
        ) as n_previous,
        (
            select count(*) from schema_diff
            where schema_diff.input_name = schema_inputs.input_name and schema_diff.change_kind = '{{ kind }}'
        ) as n_changed,
        (
            select
                {{ corridor.ordered_listagg(
                    dbt.concat([
                        'schema_diff.column_name', "' ('", "coalesce(schema_diff.previous_type, '-')",
                        "' -> '", "coalesce(schema_diff.current_type, '-')", "')'"
                    ]),
                    "', '",
                    'order by schema_diff.column_name'
                ) }}
            from schema_diff
            where schema_diff.input_name = schema_inputs.input_name and schema_diff.change_kind = '{{ kind }}'
        ) as changed_columns

    from schema_inputs
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from final
