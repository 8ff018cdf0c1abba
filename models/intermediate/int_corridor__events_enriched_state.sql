{#-
    Which snapshot of the event id index (corridor.event_index_snapshot)
    int_corridor__events_enriched was last built with: one row, the
    invocation that took it (index_invocation_id; null when the index did
    not run in the invocation that built the events, or the events were not
    built in it) and this run's time.

    The next run's corridor.event_lookback_starts reads it before this model
    is rebuilt (corridor.built_model_relation): when it names the invocation
    the index's delta starts from, the enriched events saw every row up to
    the index's watermarks, so the ids of the rows that arrived since
    (corridor.event_index_changed_ids) are the only events that can have
    changed before the lookback.

    events_invocation_id: this invocation when it built the events (they
    recorded what they recomputed: corridor.events_enriched_scope), else
    null. The next run's scope names it as the build its kept rows come
    from, and the replay's snapshot reuses the days it took in that build
    (corridor.replay_kept_days).
-#}
-- depends_on: {{ ref('int_corridor__events_enriched') }}
{%- set snapshot = corridor.event_index_snapshot(take=false) %}
{%- set consumed = snapshot is not none and 'int_corridor__events_enriched' in snapshot['consumers'] %}
{%- set built = corridor.events_enriched_scope() is not none %}

with

final as (

    select
        cast({{ corridor.sql_string(invocation_id) if consumed else 'null' }} as {{ dbt.type_string() }}) as index_invocation_id,
        cast({{ corridor.sql_string(invocation_id) if built else 'null' }} as {{ dbt.type_string() }}) as events_invocation_id,
        cast({{ corridor.run_time() }} as {{ dbt.type_timestamp() }}) as built_at

)

select * from final
