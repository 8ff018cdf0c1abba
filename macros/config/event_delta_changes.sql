{#
    corridor.event_delta_changes(delta, common_start): for
    corridor.event_lookback_starts on the event id index's delta path, CTEs
    ending in a select of model_id, model_version, first_changed_at: per
    model version, the earliest event before `common_start` of an id whose
    rows arrived since the previous run (corridor.event_index_changed_ids):
    its accepted copy now (corridor.accepted_event_copies), or its row as
    int_corridor__events_enriched stored it (matched by event_key, so a
    32-bit collision only widens what is recomputed). Every other stored
    event is unchanged.
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
                ref('stg_corridor__production_events'),
                ref('int_corridor__duplicate_event_ids'),
                ref('int_corridor__duplicate_event_copies'),
                'event_at < ' ~ common_start) }}
        ) as accepted_copies
        where accepted_copies.event_id in (select changed_ids.event_id from changed_ids)

    ),

    stored as (

        select
            model_id,
            model_version,
            event_at

        from {{ this }}
        where event_at < {{ common_start }}
            and event_key in (select {{ corridor.hash32('changed_ids.event_id') }} from changed_ids)

    ),

    changed_events as (

        select model_id, model_version, event_at from accepted
        union all
        select model_id, model_version, event_at from stored

    )

    select
        model_id,
        model_version,
        min(event_at) as first_changed_at

    from changed_events
    group by model_id, model_version
{% endmacro %}
