{#
    corridor.accepted_event_copies(events, duplicate_ids, duplicate_copies, condition=none):
    a query returning the accepted production events: the rows of `events`
    (stg_corridor__production_events) with no rejection reason
    (corridor.event_rejection_reasons), one per event id. An id with
    several valid copies (in `duplicate_ids`, int_corridor__duplicate_event_ids)
    contributes its first copy from `duplicate_copies`
    (int_corridor__duplicate_event_copies, ranked by corridor.event_copy_order).
    Every column of `events`, then copy_number (1).

    condition: an optional SQL condition on the columns of `events` (an
    incremental run's lookback); only accepted copies that meet it are
    returned. Copies of a duplicated id are ranked over all of them before
    the condition applies, so the same copy wins whatever the condition.

    Events delivered once need no ranking, and the few ids with several
    valid copies are ranked once per build, in their own model (a window
    over every event is the costly way).
#}
{% macro accepted_event_copies(events, duplicate_ids, duplicate_copies, condition=none) %}
    {{ return(adapter.dispatch('accepted_event_copies', 'corridor')(events, duplicate_ids, duplicate_copies, condition)) }}
{% endmacro %}

{% macro default__accepted_event_copies(events, duplicate_ids, duplicate_copies, condition=none) %}
    {%- set valid = 'not ' ~ corridor.any_reason(corridor.event_rejection_reasons()) -%}
    select
        single_copies.*,
        1 as copy_number

    from {{ events }} as single_copies
    left join {{ duplicate_ids }} as single_duplicates
        on single_copies.event_id = single_duplicates.event_id
    where {{ valid }}
        and coalesce(single_duplicates.n_valid_copies, 1) = 1
        {%- if condition is not none %}
        and ({{ condition }})
        {%- endif %}

    union all

    select *
    from {{ duplicate_copies }}
    where copy_number = 1
        {%- if condition is not none %}
        and ({{ condition }})
        {%- endif %}
{% endmacro %}
