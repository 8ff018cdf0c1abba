{#
    corridor.rejected_rows_conditions(delta, input_name, arrival): the rows of
    an input (production_events or outcomes) that int_corridor__rejected_rows
    recomputes in a run, as a list of SQL conditions that no row meets twice,
    over the columns event_id, event_at (events only) and `arrival` (the
    column holding the row's arrival time: loaded_at or label_arrived_at in
    the staging views, arrived_at in the model's own rows).

    With the event id index's delta (corridor.rejected_rows_delta): the rows
    with an event id that arrived after the previous watermark, the events
    after the delta's future_after that arrived before it (whether an event
    is in the future changes with the run's time), and every row without an
    event id (the index's snapshot does not fingerprint those, so a change
    among them is not seen). Without a delta: every row (['1 = 1']).

    A list, not one condition: the model reads the staging views once per
    condition (a union), so the engine can skip row groups for each
    (docs/incremental.md); its pre-hook deletes the rows that meet any.
#}
{% macro rejected_rows_conditions(delta, input_name, arrival) %}
    {{ return(adapter.dispatch('rejected_rows_conditions', 'corridor')(delta, input_name, arrival)) }}
{% endmacro %}

{% macro default__rejected_rows_conditions(delta, input_name, arrival) %}
    {%- if delta is none -%}
        {{ return(['1 = 1']) }}
    {%- endif -%}
    {%- set after = delta['events_after'] if input_name == 'production_events' else delta['outcomes_after'] -%}
    {%- set conditions = ['event_id is not null and ' ~ arrival ~ ' > ' ~ after] -%}
    {%- if input_name == 'production_events' -%}
        {%- do conditions.append('event_id is not null and event_at > ' ~ delta['future_after'] ~ ' and (' ~ arrival
            ~ ' is null or ' ~ arrival ~ ' <= ' ~ after ~ ')') -%}
    {%- endif -%}
    {%- do conditions.append('event_id is null') -%}
    {{ return(conditions) }}
{% endmacro %}
