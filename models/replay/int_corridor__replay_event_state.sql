{#-
    What the replay's incremental models were computed from
    (corridor.replay_event_snapshot): one row per model (consumer: the replay
    models that ran in this invocation, of int_corridor__replay_label_arrivals,
    int_corridor__replay_label_stats and
    int_corridor__replay_score_histograms) × model version × day of its
    accepted events, with their number and fingerprint and the rules'
    md5. The next run's corridor.replay_increment reads it before this model
    is rebuilt (corridor.built_model_relation) and recomputes only the
    windows (the label arrivals: the hours) of the days that changed since.

    Written from the snapshot taken before those models read the events, not
    from a new scan. A replay model that did not run in this invocation (a
    selection without it) has no rows, and its next run recomputes it whole.
    invocation_id: the invocation that took the snapshot (the next one reuses
    its days before the enriched events' recompute when they were built in
    it: corridor.replay_kept_days); snapshot_path: 'delta' when this one did,
    'full' when it scanned every event.
-#}
-- depends_on: {{ ref('int_corridor__replay_label_arrivals') }}
-- depends_on: {{ ref('int_corridor__replay_label_stats') }}
-- depends_on: {{ ref('int_corridor__replay_score_histograms') }}
{%- set snapshot = corridor.replay_event_snapshot(take=false) %}
{%- set consumers = snapshot['consumers'] if snapshot is not none else [] %}
{%- set text = dbt.type_string() %}

with

state as (
    {%- set rows = [] %}
    {%- for consumer in consumers | sort %}
    {%- for key, value in snapshot['days'].items() | sort %}
    {%- do rows.append('(' ~ corridor.sql_string_list([consumer, key[0], key[1], key[2], value[1]]) ~ ', ' ~ value[0] ~ ')') %}
    {%- endfor %}
    {%- endfor %}
    {%- if rows %}

    select * from (
        values
        {%- for row in rows %}
        {{ row }}{{ ',' if not loop.last }}
        {%- endfor %}
    ) as snapshot_days (consumer, model_id, model_version, day_start, row_fingerprint, n_events)
    {%- else %}

    select
        cast(null as {{ text }}) as consumer,
        cast(null as {{ text }}) as model_id,
        cast(null as {{ text }}) as model_version,
        cast(null as {{ text }}) as day_start,
        cast(null as {{ text }}) as row_fingerprint,
        0 as n_events

    where 1 = 0
    {%- endif %}

),

final as (

    select
        cast(consumer as {{ text }}) as consumer,
        cast(model_id as {{ text }}) as model_id,
        cast(model_version as {{ text }}) as model_version,
        cast(day_start as {{ text }}) as day_start,
        cast(n_events as {{ dbt.type_bigint() }}) as n_events,
        cast(row_fingerprint as {{ text }}) as row_fingerprint,
        cast({{ corridor.sql_string(snapshot['rules'] if snapshot is not none else '') }} as {{ text }}) as rules,
        cast({{ corridor.sql_string(invocation_id) }} as {{ text }}) as invocation_id,
        cast({{ corridor.sql_string(snapshot['path'] if snapshot is not none else 'full') }} as {{ text }}) as snapshot_path,
        cast({{ snapshot['built_at'] if snapshot is not none else corridor.run_time() }} as {{ dbt.type_timestamp() }}) as built_at

    from state

)

select * from final
