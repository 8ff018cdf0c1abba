{#
    corridor.event_delta_changes(delta, common_start): for
    corridor.event_lookback_starts on the event id index's delta path, CTEs
    ending in a select of model_id, model_version, first_changed_at: per
    model version, the earliest accepted event before `common_start`
    (corridor.accepted_event_copies) of an id whose rows arrived since the
    previous run (corridor.event_index_changed_ids). Only the staged rows of
    those ids are read (int_corridor__changed_id_rows, when it holds them:
    corridor.changed_id_rows; else by a scan of the staged events); the
    accepted copy follows corridor.accepted_event_copies, written with the
    rejection in a column (see below).

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
    {%- set changed = 'event_id in (select changed_ids.event_id from changed_ids)' -%}
    {%- set rows = corridor.changed_id_rows() -%}
    with

    changed_ids as (
        {%- if rows is not none %}

        select event_id from {{ rows }}
        {%- else %}

        {{ corridor.event_index_changed_ids(delta) }}
        {%- endif %}

    ),

    {#- every copy of those ids, with its rejection as a column: as a filter, the engine (DuckDB) evaluates it on
        every staged row before the match on the ids (25 s at 90M events; this way 2.5 s); found by the scan the
        event id index read too when int_corridor__changed_id_rows was built in this invocation #}
    changed_copies as (
        {%- if rows is not none %}

        select event_id, model_id, model_version, event_at, is_rejected
        from {{ rows }}
        where input_name = 'production_events'
        {%- else %}

        select
            event_id,
            model_id,
            model_version,
            event_at,
            {{ corridor.any_reason(corridor.event_rejection_reasons()) }} as is_rejected

        from {{ ref('stg_corridor__production_events') }}
        where {{ changed }}
        {%- endif %}

    ),

    {#- the accepted copy of each id (corridor.accepted_event_copies' rule, in columns): its only valid copy, or
        the first of several (int_corridor__duplicate_event_copies) #}
    copies as (

        select
            changed_copies.model_id,
            changed_copies.model_version,
            changed_copies.event_at,
            not changed_copies.is_rejected and coalesce(duplicates.n_valid_copies, 1) = 1 as is_accepted

        from changed_copies
        left join {{ ref('int_corridor__duplicate_event_ids') }} as duplicates
            on changed_copies.event_id = duplicates.event_id

        union all

        select
            model_id,
            model_version,
            event_at,
            true as is_accepted

        from {{ ref('int_corridor__duplicate_event_copies') }}
        where copy_number = 1
            and {{ changed }}

    )

    select
        model_id,
        model_version,
        min(case when is_accepted and event_at < {{ common_start }} then event_at end) as first_changed_at

    from copies
    group by model_id, model_version
    having min(case when is_accepted and event_at < {{ common_start }} then event_at end) is not null
{% endmacro %}
