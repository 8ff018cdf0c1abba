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
      the event was quarantined);
    - offline estimates: corridor.estimate_rejection_reasons().
-#}
{%- set event_reasons = corridor.event_rejection_reasons() -%}
{%- set outcome_reasons = corridor.outcome_rejection_reasons() -%}
{%- set estimate_reasons = corridor.estimate_rejection_reasons() -%}
{%- set string = dbt.type_string() -%}
{%- set ts = dbt.type_timestamp() -%}

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

events_checked as (

    select
        event_id,
        model_id,
        model_version,
        raw_values,
        event_at,
        loaded_at,
        latency_ms,
        predicted_score,
        is_error,
        {{ corridor.any_reason(event_reasons) }} as is_invalid,
        {{ corridor.reason_codes(event_reasons) }} as validity_codes

    from events

),

event_ids as (

    select
        event_id,
        count(*) as n_copies,
        sum(case when is_invalid then 0 else 1 end) as n_valid_copies

    from events_checked
    where event_id is not null
    group by event_id

),

invalid_events as (

    select
        events_checked.event_id,
        events_checked.model_id,
        events_checked.model_version,
        events_checked.raw_values,
        case
            when event_ids.n_copies > 1
                then {{ dbt.concat(['events_checked.validity_codes', "',duplicate_event_id'"]) }}
            else events_checked.validity_codes
        end as reason_codes,
        events_checked.event_at,
        events_checked.loaded_at

    from events_checked
    left join event_ids
        on events_checked.event_id = event_ids.event_id
    where events_checked.is_invalid

),

valid_copies as (

    select
        events_checked.*,
        row_number() over (
            partition by events_checked.event_id
            order by {{ corridor.event_copy_order() }}
        ) as copy_number

    from events_checked
    inner join event_ids
        on events_checked.event_id = event_ids.event_id
    where not events_checked.is_invalid
        and event_ids.n_valid_copies > 1

),

duplicate_events as (

    select
        event_id,
        model_id,
        model_version,
        raw_values,
        'duplicate_event_id' as reason_codes,
        event_at,
        loaded_at

    from valid_copies
    where copy_number > 1

),

outcomes_checked as (

    select
        outcomes.event_id,
        outcomes.raw_values,
        {{ corridor.reason_codes(outcome_reasons) }} as validity_codes,
        {{ corridor.any_reason(outcome_reasons) }} as is_invalid,
        event_ids.event_id is null and not outcomes.event_id_is_missing as is_unknown_event,
        coalesce(event_ids.n_valid_copies = 0, false) as is_event_not_accepted

    from outcomes
    left join event_ids
        on outcomes.event_id = event_ids.event_id

),

invalid_outcomes as (

    select
        event_id,
        cast(null as {{ string }}) as model_id,
        cast(null as {{ string }}) as model_version,
        raw_values,
        concat_ws(
            ',',
            nullif(validity_codes, ''),
            case when is_unknown_event then 'unknown_event' end,
            case when is_event_not_accepted then 'event_not_accepted' end
        ) as reason_codes,
        cast(null as {{ ts }}) as event_at,
        cast(null as {{ ts }}) as loaded_at

    from outcomes_checked
    where is_invalid or is_unknown_event or is_event_not_accepted

),

invalid_estimates as (

    select
        estimate_id as event_id,
        model_id,
        model_version,
        raw_values,
        {{ corridor.reason_codes(estimate_reasons) }} as reason_codes,
        cast(null as {{ ts }}) as event_at,
        cast(null as {{ ts }}) as loaded_at

    from estimates
    where {{ corridor.any_reason(estimate_reasons) }}

),

unioned as (

    select 'production_events' as input_name, * from invalid_events
    union all
    select 'production_events' as input_name, * from duplicate_events
    union all
    select 'outcomes' as input_name, * from invalid_outcomes
    union all
    select 'offline_estimates' as input_name, * from invalid_estimates

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
        cast({{ dbt.hash(dbt.concat(['input_name', "'|'", 'raw_values', "'|'", dbt.cast('occurrence', string)])) }} as {{ string }}) as quarantine_id,
        cast(input_name as {{ string }}) as input_name,
        cast(case input_name
            when 'production_events' then {{ corridor.sql_string(corridor.input_relation_name('production_events')) }}
            when 'outcomes' then {{ corridor.sql_string(corridor.input_relation_name('outcomes')) }}
            else {{ corridor.sql_string(corridor.input_relation_name('offline_estimates')) }}
        end as {{ string }}) as input_relation,
        cast(event_id as {{ string }}) as record_id,
        cast(model_id as {{ string }}) as model_id,
        cast(model_version as {{ string }}) as model_version,
        cast(reason_codes as {{ string }}) as reason_codes,
        cast(raw_values as {{ string }}) as raw_values,
        cast(event_at as {{ ts }}) as event_at,
        cast(loaded_at as {{ ts }}) as loaded_at

    from numbered

)

select * from final
