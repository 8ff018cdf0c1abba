{#
    corridor.event_delta_changes(delta, common_start): for
    corridor.event_lookback_starts on the event id index's delta path, CTEs
    ending in a select of model_id, model_version, first_changed_at: per
    model version, the earliest accepted event before `common_start`
    (corridor.accepted_event_copies) of an id whose rows arrived since the
    previous run (corridor.event_index_changed_ids). Only the staged rows of
    those ids are read.

    The accepted copy now is where such an id's stored row was, or the id
    is new: on the delta path no row before the watermarks changed, a copy
    that arrived since was loaded after every stored copy (so it ranks after
    them, corridor.event_copy_order), and a copy rejected as in the future
    can only become valid as time passes. Every other stored event is
    unchanged.
#}
{% macro event_delta_changes(delta, common_start) %}
    {{ return(adapter.dispatch('event_delta_changes', 'corridor')(delta, common_start)) }}
{% endmacro %}

{% macro default__event_delta_changes(delta, common_start) %}
    with

    changed_ids as (

        {{ corridor.event_index_changed_ids(delta) }}

    ),

    accepted as (

        select
            accepted_copies.model_id,
            accepted_copies.model_version,
            accepted_copies.event_at

        from (
            {{ corridor.accepted_event_copies(
                '(select * from ' ~ ref('stg_corridor__production_events')
                    ~ ' where event_id in (select changed_ids.event_id from changed_ids))',
                ref('int_corridor__duplicate_event_ids'),
                ref('int_corridor__duplicate_event_copies'),
                'event_at < ' ~ common_start) }}
        ) as accepted_copies
        where accepted_copies.event_id in (select changed_ids.event_id from changed_ids)

    )

    select
        model_id,
        model_version,
        min(event_at) as first_changed_at

    from accepted
    group by model_id, model_version
{% endmacro %}
