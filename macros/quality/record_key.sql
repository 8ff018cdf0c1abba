{#
    corridor.record_key(raw_values): the key of a staged row of an input
    without a key of its own: a hash of its raw values (the JSON text of
    corridor.raw_value_pairs) and its occurrence among identical rows, so
    identical copies stay distinct rows and corridor_quarantine can name
    each. Shared by corridor.stage_optional_input and
    stg_corridor__offline_evaluation.
#}
{% macro record_key(raw_values) %}
    {{ return(adapter.dispatch('record_key', 'corridor')(raw_values)) }}
{% endmacro %}

{% macro default__record_key(raw_values) -%}
    {%- set occurrence = 'row_number() over (partition by ' ~ raw_values ~ ' order by ' ~ raw_values ~ ')' -%}
    {{ dbt.hash(dbt.concat([raw_values, "'|'", dbt.cast(occurrence, dbt.type_string())])) }}
{%- endmacro %}
