{#
    Generic test corridor.unique_event_id: no value of the column (the event
    id) occurs more than once, and none is null. Returns one row per
    duplicated value with its number of copies.

      columns:
        - name: request_uuid
          data_tests: [corridor.unique_event_id]
#}
{% test unique_event_id(model, column_name) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_unique_event_id', 'corridor')(model, column_name)) }}
{% endtest %}

{#- Deprecated alias, kept for projects written against 0.1.0: its node names come out doubled
    (corridor_corridor_unique_event_id_...). Use corridor.unique_event_id. -#}
{% test corridor_unique_event_id(model, column_name) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_unique_event_id', 'corridor')(model, column_name)) }}
{% endtest %}

{% macro default__test_corridor_unique_event_id(model, column_name) %}
    select
        {{ column_name }} as event_id,
        count(*) as n_copies

    from {{ model }}
    group by {{ column_name }}
    having count(*) > 1 or {{ column_name }} is null
{% endmacro %}
