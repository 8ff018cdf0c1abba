{#-
    The labelled reference the label-free estimate is calibrated on: the
    evaluable production events (a label, no error, a score) whose event time
    is inside corridor_label_free_reference ({start, end}, end excluded),
    per model version × score bin × half. `half` (0 or 1, from the event's
    hashed id) splits the reference in two for the calibration check
    (corridor_label_free_calibration: fitted on half 0, checked on half 1);
    the estimate itself is fitted on both halves.
-#}
{%- set reference = corridor.setting('corridor_label_free_reference') -%}
{%- set ts = dbt.type_timestamp() -%}

with

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}

),

in_reference as (

    select
        model_id,
        model_version,
        score_bin,
        label,
        case when mod(event_key, 2) = 0 then 0 else 1 end as half

    from events
    where is_evaluable
        and event_at >= cast({{ corridor.sql_string(reference['start']) }} as {{ ts }})
        and event_at < cast({{ corridor.sql_string(reference['end']) }} as {{ ts }})

),

final as (

    select
        model_id,
        model_version,
        cast(score_bin as {{ dbt.type_int() }}) as score_bin,
        cast(half as {{ dbt.type_int() }}) as half,
        cast(count(*) as {{ dbt.type_bigint() }}) as n_events,
        cast(sum(label) as {{ dbt.type_bigint() }}) as n_positive

    from in_reference
    group by
        model_id,
        model_version,
        score_bin,
        half

)

select * from final
