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

    The rows rejected for their own values come from int_corridor__rejected_rows
    (incremental: a daily run reads only what arrived); the codes that depend
    on other rows and the numbering are computed here, per run, over the
    quarantined rows only.
-#}

with

{# the production events and outcomes rejected for their own values, and the outcomes of ids without a valid event #}
rejected_rows as (

    select * from {{ ref('int_corridor__rejected_rows') }}

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

{# ids with outcomes and no valid copy of the event, and how many copies arrived #}
events_missing_for_outcomes as (

    {{ corridor.outcomes_without_event_ids() }}

),

invalid_events as (

    select
        rejected_rows.event_id,
        rejected_rows.model_id,
        rejected_rows.model_version,
        rejected_rows.raw_values,
        case
            when duplicate_ids.event_id is not null
                then {{ dbt.concat(['rejected_rows.reason_codes', "',duplicate_event_id'"]) }}
            else rejected_rows.reason_codes
        end as reason_codes,
        rejected_rows.event_at,
        rejected_rows.arrived_at as loaded_at

    from rejected_rows
    left join duplicate_ids
        on rejected_rows.event_id = duplicate_ids.event_id
    where rejected_rows.input_name = 'production_events'

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

{# outcomes invalid themselves, or whose event has no valid copy: unknown_event when no copy arrived (not for an
    outcome without an event id), event_not_accepted when every copy was quarantined #}
invalid_outcomes as (

    select
        rejected_rows.event_id,
        rejected_rows.model_id,
        rejected_rows.model_version,
        rejected_rows.raw_values,
        concat_ws(
            ',',
            nullif(rejected_rows.reason_codes, ''),
            case
                when events_missing_for_outcomes.n_copies = 0 and not rejected_rows.event_id_is_missing
                    then 'unknown_event'
            end,
            case when events_missing_for_outcomes.n_copies > 0 then 'event_not_accepted' end
        ) as reason_codes,
        rejected_rows.event_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at

    from rejected_rows
    left join events_missing_for_outcomes
        on rejected_rows.event_id = events_missing_for_outcomes.event_id
    where rejected_rows.input_name = 'outcomes'
        and (rejected_rows.reason_codes <> '' or events_missing_for_outcomes.event_id is not null)

),

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
