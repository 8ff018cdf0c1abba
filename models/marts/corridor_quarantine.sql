{#-
    Rows of the inputs that cannot be used, one row per row as it arrived,
    with every reason code that applies (comma-separated) and the raw values
    (JSON text, entity ids pseudonymized). Together with the accepted rows
    they account for every row read: rows read = rows accepted + rows
    quarantined, per input (int_corridor__input_accounting, and per run in
    corridor_input_accounting).

    - production events: corridor.event_rejection_reasons(), and
      duplicate_event_id for every copy of an event id beyond the first
      valid one (a malformed copy of a duplicated id carries it too);
    - outcomes: corridor.outcome_rejection_reasons(), unknown_event (no
      production event has that id) and event_not_accepted (every copy of
      the event was quarantined), read from int_corridor__event_id_index;
    - offline estimates: corridor.estimate_rejection_reasons();
    - optional inputs (governance, lineage): int_corridor__optional_inputs_quarantine.
-#}
{#- Built after the metric pipeline's heavy scans (dedup, quantiles, histograms), never beside
    them: two 10M-row scans in parallel on two threads slow both and add their memory. #}
-- depends_on: {{ ref('int_corridor__production_window_stats') }}
-- depends_on: {{ ref('int_corridor__score_histograms') }}

with

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

outcomes as (

    select * from {{ ref('stg_corridor__outcomes') }}

),

estimates as (

    select * from {{ ref('stg_corridor__offline_estimates') }}

),

duplicate_ids as (

    select * from {{ ref('int_corridor__duplicate_event_ids') }}

),

{# the valid copies of ids with several, ranked: copy 1 is accepted #}
duplicate_copies as (

    select * from {{ ref('int_corridor__duplicate_event_copies') }}

),

event_id_index as (

    select * from {{ ref('int_corridor__event_id_index') }}

),

{#- Each CTE reads the staging view on its own with its own filter, so the
    raw JSON is rendered only for the few rows that are quarantined. #}

invalid_events as (

    select
        events.event_id,
        events.model_id,
        events.model_version,
        {{ corridor.json_object_text(corridor.staged_raw_pairs('production_events', 'events')) }} as raw_values,
        case
            when duplicate_ids.event_id is not null
                then {{ dbt.concat([corridor.reason_codes(corridor.event_rejection_reasons()), "',duplicate_event_id'"]) }}
            else {{ corridor.reason_codes(corridor.event_rejection_reasons()) }}
        end as reason_codes,
        events.event_at,
        events.loaded_at

    from events
    left join duplicate_ids
        on events.event_id = duplicate_ids.event_id
    where {{ corridor.any_reason(corridor.event_rejection_reasons()) }}

),

duplicate_events as (

    select
        duplicate_copies.event_id,
        duplicate_copies.model_id,
        duplicate_copies.model_version,
        {{ corridor.json_object_text(corridor.staged_raw_pairs('production_events', 'duplicate_copies')) }} as raw_values,
        'duplicate_event_id' as reason_codes,
        duplicate_copies.event_at,
        duplicate_copies.loaded_at

    from duplicate_copies
    where duplicate_copies.copy_number > 1

),

{#- Outcomes that are invalid themselves, or whose event has no valid copy: CTEs events_missing_for_outcomes, invalid_outcomes #}

{{ corridor.outcome_quarantine_ctes(
    'outcomes', 'event_id_index', 'event_id', 'event_id_is_missing', corridor.staged_raw_pairs('outcomes', 'outcomes'),
    corridor.outcome_rejection_reasons()
) }},

invalid_estimates as (

    select
        estimate_id as event_id,
        model_id,
        model_version,
        raw_values,
        {{ corridor.reason_codes(corridor.estimate_rejection_reasons()) }} as reason_codes,
        cast(null as {{ dbt.type_timestamp() }}) as event_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at

    from estimates
    where {{ corridor.any_reason(corridor.estimate_rejection_reasons()) }}

),

unioned as (

    select
        'production_events' as input_name,
        *
    from invalid_events
    union all
    select
        'production_events' as input_name,
        *
    from duplicate_events
    union all
    select
        'outcomes' as input_name,
        *
    from invalid_outcomes
    union all
    select
        'offline_estimates' as input_name,
        *
    from invalid_estimates
    union all
    select * from {{ ref('int_corridor__optional_inputs_quarantine') }}

),

numbered as (

    select
        *,
        row_number() over (
            partition by input_name, raw_values
            order by reason_codes, event_at, loaded_at
        ) as occurrence

    from unioned

),

final as (

    select
        cast({{ dbt.hash(dbt.concat([
            'input_name', "'|'", 'raw_values', "'|'", dbt.cast('occurrence', dbt.type_string())
        ])) }} as {{ dbt.type_string() }})
            as quarantine_id,
        cast(input_name as {{ dbt.type_string() }}) as input_name,
        cast({{ corridor.quarantine_input_relation('input_name') }} as {{ dbt.type_string() }}) as input_relation,
        cast(event_id as {{ dbt.type_string() }}) as record_id,
        cast(model_id as {{ dbt.type_string() }}) as model_id,
        cast(model_version as {{ dbt.type_string() }}) as model_version,
        cast(reason_codes as {{ dbt.type_string() }}) as reason_codes,
        cast(raw_values as {{ dbt.type_string() }}) as raw_values,
        cast(event_at as {{ dbt.type_timestamp() }}) as event_at,
        cast(loaded_at as {{ dbt.type_timestamp() }}) as loaded_at

    from numbered

)

select * from final
