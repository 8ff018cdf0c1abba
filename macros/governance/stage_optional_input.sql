{#
    corridor.stage_optional_input(input_name, text_columns, timestamp_columns,
    number_columns): the staging SQL of a small optional input of corridor's
    own shape (the governance inputs: approvals, alert acknowledgements,
    post-mortems, the review roster). One row per input row, in order:
      - each text column trimmed, empty text as null;
      - each timestamp column parsed like event times (corridor.parse_timestamp)
        and each number column parsed as a double, both with a
        <column>_is_unparseable flag (a value given that does not parse is
        quarantined, never read as null);
      - raw_values: the row as it arrived (JSON text, corridor.raw_value_pairs)
        for corridor_quarantine;
      - record_key (corridor.record_key): a hash of the raw values and the
        row's occurrence, so identical copies stay distinct rows.
    When the input is off (its var unset or null) the SQL is an empty
    relation with the same columns, so downstream models build unchanged.
#}
{% macro stage_optional_input(input_name, text_columns, timestamp_columns=[], number_columns=[]) %}
    {{ return(adapter.dispatch('stage_optional_input', 'corridor')(input_name, text_columns, timestamp_columns, number_columns)) }}
{% endmacro %}

{% macro default__stage_optional_input(input_name, text_columns, timestamp_columns, number_columns) %}
    {%- set relation = corridor.input_relation(input_name) -%}
    {%- set string = dbt.type_string() -%}
    {%- set double = corridor.type_double() -%}
    {%- set ts = dbt.type_timestamp() -%}
    {%- if relation is none -%}
select
    cast(null as {{ string }}) as record_key,
    {%- for key in text_columns %}
    cast(null as {{ string }}) as {{ key }},
    {%- endfor %}
    {%- for key in timestamp_columns %}
    cast(null as {{ ts }}) as {{ key }},
    false as {{ key }}_is_unparseable,
    {%- endfor %}
    {%- for key in number_columns %}
    cast(null as {{ double }}) as {{ key }},
    false as {{ key }}_is_unparseable,
    {%- endfor %}
    cast(null as {{ string }}) as raw_values
where 1 = 0
    {%- else -%}
    {%- set c = corridor.resolve_input_columns(input_name, relation) -%}
    {%- set raw_pairs = corridor.raw_value_pairs(input_name, c) -%}
with

source as (

    select * from {{ relation }}

),

renamed as (

    select
        {%- for key in text_columns %}
        nullif(trim(cast({{ c[key] or 'null' }} as {{ string }})), '') as {{ key }},
        {%- endfor %}
        {%- set parsed_columns = corridor.typed_column_expressions(c, timestamp_columns, 'timestamp', 'cast(null as ' ~ ts ~ ')') -%}
        {%- do parsed_columns.update(corridor.typed_column_expressions(c, number_columns, 'double', 'cast(null as ' ~ double ~ ')')) %}
        {%- for key, parsed in parsed_columns.items() %}
        {{ parsed }} as {{ key }},
        {%- if c[key] %}
        {{ corridor.is_unparseable(c[key], parsed) }} as {{ key }}_is_unparseable,
        {%- else %}
        false as {{ key }}_is_unparseable,
        {%- endif %}
        {%- endfor %}
        {{ corridor.json_object_text(raw_pairs) }} as raw_values

    from source

),

final as (

    select
        {{ corridor.record_key('renamed.raw_values') }} as record_key,
        renamed.*

    from renamed

)

select * from final
    {%- endif -%}
{% endmacro %}
