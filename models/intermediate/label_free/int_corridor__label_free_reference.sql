{#-
    The reference the label-free estimate is calibrated on and compared
    with: the scored, error-free production events whose event time is
    inside corridor_label_free_reference ({start, end}, end excluded), per
    model version × segment (overall traffic as `all`) × score bin × half:
    every scored event (n_scored: the reference score distribution a window
    is compared with for covariate shift, segment by segment), and the
    evaluable ones (a label) with their positives (the calibration, fitted
    on segment `all`). `half` (0 or 1, from the event's hashed id) splits the
    reference in two for the calibration check (corridor_label_free_calibration:
    fitted on half 0, checked on half 1); the estimate is fitted on both.

    With corridor_label_free_reference = offline_evaluation the reference is
    the accepted backtest rows of the offline evaluation input instead
    (int_corridor__offline_evaluation_checked; every row labelled, a row of
    weight w counting w times, its half from its hashed row_id, else its
    record key): a backtest row with the row_id of a production event falls
    in the same half as that event.
-#}
{{ config(enabled=corridor.label_free_enabled()) }}
{%- set reference = corridor.setting('corridor_label_free_reference') -%}
{%- set from_backtest = reference.get('source') == 'offline_evaluation' -%}
{%- set segments = corridor.segment_dimensions() -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

{%- if from_backtest %}

backtest_rows as (

    select * from {{ ref('int_corridor__offline_evaluation_checked') }}

),

in_reference as (

    select
        model_id,
        model_version,
        {%- for s in segments %}
        segment_{{ s['dimension'] }},
        {%- endfor %}
        {{ corridor.score_bin('predicted_score') }} as score_bin,
        cast(weight as {{ corridor.type_double() }}) as scored,
        cast(weight as {{ corridor.type_double() }}) as labelled,
        cast(case when label = 1 then weight else 0 end as {{ corridor.type_double() }}) as positive,
        case when mod({{ corridor.hash32('coalesce(row_id, record_key)') }}, 2) = 0 then 0 else 1 end as half

    from backtest_rows
    where is_accepted
        and predicted_score is not null

),
{%- else %}

events as (

    {{ corridor.event_terms(ref('int_corridor__events_enriched')) }}

),

in_reference as (

    select
        model_id,
        model_version,
        {%- for s in segments %}
        segment_{{ s['dimension'] }},
        {%- endfor %}
        score_bin,
        cast(1 as {{ corridor.type_double() }}) as scored,
        cast(case when is_evaluable then 1 else 0 end as {{ corridor.type_double() }}) as labelled,
        cast(case when is_evaluable then label else 0 end as {{ corridor.type_double() }}) as positive,
        case when mod(event_key, 2) = 0 then 0 else 1 end as half

    from events
    where predicted_score is not null
        and not is_error
        and event_at >= cast({{ corridor.sql_string(reference['start']) }} as {{ dbt.type_timestamp() }})
        and event_at < cast({{ corridor.sql_string(reference['end']) }} as {{ dbt.type_timestamp() }})

),
{%- endif %}

grouped as (

    select
        model_id,
        model_version,
        {{ corridor.segment_grouping_keys(segments) }},
        score_bin,
        half,
        sum(scored) as n_scored,
        sum(labelled) as n_events,
        sum(positive) as n_positive

    from in_reference
    group by grouping sets (
        (model_id, model_version, score_bin, half)
        {%- for s in segments %},
        (model_id, model_version, segment_{{ s['dimension'] }}, score_bin, half)
        {%- endfor %}
    )

),

final as (

    select
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        cast(score_bin as {{ dbt.type_int() }}) as score_bin,
        cast(half as {{ dbt.type_int() }}) as half,
        cast(n_scored as {{ corridor.type_double() }}) as n_scored,
        cast(n_events as {{ corridor.type_double() }}) as n_events,
        cast(n_positive as {{ corridor.type_double() }}) as n_positive

    from grouped

)

select * from final
