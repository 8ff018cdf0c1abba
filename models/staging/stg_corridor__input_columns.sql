{#-
    The columns of every input relation as they are now (name and data type,
    lower case), one row per input × column, for the schema checks of the
    quality gates. The on-run-end hook keeps a snapshot of it per run in
    corridor_input_schema_history, which outlives --full-refresh.
    Names are written as SQL literals (corridor.sql_string), so a column name
    containing quotes or SQL text stays data.
-#}
{%- set rows = corridor.input_column_rows(['production_events', 'outcomes', 'offline_estimates', 'rules',
    'reference_features']) -%}

{%- if rows | length == 0 %}

select
    cast(null as {{ dbt.type_string() }}) as input_name,
    cast(null as {{ dbt.type_string() }}) as input_relation,
    cast(null as {{ dbt.type_string() }}) as column_name,
    cast(null as {{ dbt.type_string() }}) as data_type,
    cast(null as {{ dbt.type_int() }}) as column_position
where 1 = 0

{%- else %}

{%- for input_name, relation_name, column_name, data_type, position in rows %}
select
    cast({{ corridor.sql_string(input_name) }} as {{ dbt.type_string() }}) as input_name,
    cast({{ corridor.sql_string(relation_name) }} as {{ dbt.type_string() }}) as input_relation,
    cast({{ corridor.sql_string(column_name) }} as {{ dbt.type_string() }}) as column_name,
    cast({{ corridor.sql_string(data_type) }} as {{ dbt.type_string() }}) as data_type,
    cast({{ position }} as {{ dbt.type_int() }}) as column_position
{{ 'union all' if not loop.last }}
{%- endfor %}

{%- endif %}
