{#
    corridor.index_delta_state(model_name, path_column): the select of the
    one-row state of a model that keeps its rows by the event id index's
    delta (corridor.index_delta_kept): the invocation whose snapshot it was
    built with (index_invocation_id; null when the index did not run in the
    invocation that built the model, or the model was not built in it), the
    definition and key check its rows were rendered with
    (corridor.rejected_rows_definition), how this run built it
    (`path_column`: delta, full or not_built) and the run's time.
#}
{% macro index_delta_state(model_name, path_column) %}
    {{ return(adapter.dispatch('index_delta_state', 'corridor')(model_name, path_column)) }}
{% endmacro %}

{% macro default__index_delta_state(model_name, path_column) %}
    {%- set snapshot = corridor.event_index_snapshot(take=false) -%}
    {%- set consumed = snapshot is not none and model_name in snapshot['consumers'] -%}
    {%- set definition = corridor.rejected_rows_definition() -%}
    {%- set path = snapshot.get('paths', {}).get(model_name, 'full') if consumed else 'not_built' -%}
    {%- set text = dbt.type_string() -%}
    select
        cast({{ corridor.sql_string(invocation_id) if consumed else 'null' }} as {{ text }}) as index_invocation_id,
        cast({{ corridor.sql_string(definition['definition']) }} as {{ text }}) as definition,
        cast({{ definition['key_check'] }} as {{ text }}) as key_check,
        cast({{ corridor.sql_string(path) }} as {{ text }}) as {{ path_column }},
        cast({{ corridor.run_time() }} as {{ dbt.type_timestamp() }}) as built_at
{%- endmacro %}
