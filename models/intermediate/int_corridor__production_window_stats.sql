{#-
    Sufficient statistics of production events per model version × window
    grain × window × segment (each configured dimension, plus 'all'), in one
    pass over the events with GROUPING SETS. Floating-point sums go through
    corridor.exact_sum so two builds of the same data agree to the last bit. Every metric downstream is a
    closed-form function of these columns, except the exact latency quantiles,
    which are computed here by the engine.
-#}
{%- set grains = corridor.setting('corridor_window_grains') -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set double = corridor.type_double() -%}
{%- set bigint = dbt.type_bigint() -%}

{#- sqlfluff: its duckdb dialect cannot parse GROUPING SETS yet, so this (portable) file is linted as postgres #}
-- sqlfluff:dialect:postgres
with

events as (

    select * from {{ ref('int_corridor__events_enriched') }}

),

grouped as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(grains, segments) }},
        count(*) as n_events,
        sum(case when is_error then 1 else 0 end) as n_errors,
        count(latency_ms) as n_latency,
        {{ corridor.exact_sum('latency_ms', 9) }} as latency_sum,
        {{ corridor.exact_sum('latency_ms * latency_ms', 9) }} as latency_sum_squares,
        {{ corridor.percentiles('latency_ms', [0.5, 0.95, 0.99]) }} as latency_quantiles,
        sum(case when has_label then 1 else 0 end) as n_labeled,
        sum(case when is_evaluable then 1 else 0 end) as n_evaluated,
        sum(case when is_evaluable and label = 1 then 1 else 0 end) as n_positive,
        sum(case when is_evaluable and label = 1 and predicted_class = 1 then 1 else 0 end) as n_true_positive,
        sum(case when is_evaluable and label = 0 and predicted_class = 1 then 1 else 0 end) as n_false_positive,
        sum(case when is_evaluable and label = 0 and predicted_class = 0 then 1 else 0 end) as n_true_negative,
        sum(case when is_evaluable and label = 1 and predicted_class = 0 then 1 else 0 end) as n_false_negative,
        {{ corridor.exact_sum('case when is_evaluable then log_loss_term end', 12) }} as log_loss_sum,
        {{ corridor.exact_sum('case when is_evaluable then log_loss_term * log_loss_term end', 12) }} as log_loss_sum_squares,
        {{ corridor.exact_sum('case when is_evaluable then brier_term end', 12) }} as brier_sum,
        {{ corridor.exact_sum('case when is_evaluable then brier_term * brier_term end', 12) }} as brier_sum_squares,
        {{ corridor.exact_sum('case when is_evaluable then abs_error end', 12) }} as abs_error_sum,
        {{ corridor.exact_sum('case when is_evaluable then abs_error * abs_error end', 12) }} as abs_error_sum_squares,
        {{ corridor.exact_sum('case when is_evaluable then squared_error end', 12) }} as squared_error_sum,
        {{ corridor.exact_sum('case when is_evaluable then squared_error * squared_error end', 12) }} as squared_error_sum_squares,
        min(event_at) as first_event_at,
        max(event_at) as last_event_at

    from events
    group by {{ corridor.window_segment_grouping_sets(grains, segments) }}

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        cast(n_events as {{ bigint }}) as n_events,
        cast(n_errors as {{ bigint }}) as n_errors,
        cast(n_latency as {{ bigint }}) as n_latency,
        cast(n_labeled as {{ bigint }}) as n_labeled,
        cast(n_evaluated as {{ bigint }}) as n_evaluated,
        cast(n_positive as {{ bigint }}) as n_positive,
        cast(n_true_positive as {{ bigint }}) as n_true_positive,
        cast(n_false_positive as {{ bigint }}) as n_false_positive,
        cast(n_true_negative as {{ bigint }}) as n_true_negative,
        cast(n_false_negative as {{ bigint }}) as n_false_negative,
        cast(latency_sum as {{ double }}) as latency_sum,
        cast(latency_sum_squares as {{ double }}) as latency_sum_squares,
        cast({{ corridor.array_element('latency_quantiles', 1) }} as {{ double }}) as latency_p50,
        cast({{ corridor.array_element('latency_quantiles', 2) }} as {{ double }}) as latency_p95,
        cast({{ corridor.array_element('latency_quantiles', 3) }} as {{ double }}) as latency_p99,
        cast(log_loss_sum as {{ double }}) as log_loss_sum,
        cast(log_loss_sum_squares as {{ double }}) as log_loss_sum_squares,
        cast(brier_sum as {{ double }}) as brier_sum,
        cast(brier_sum_squares as {{ double }}) as brier_sum_squares,
        cast(abs_error_sum as {{ double }}) as abs_error_sum,
        cast(abs_error_sum_squares as {{ double }}) as abs_error_sum_squares,
        cast(squared_error_sum as {{ double }}) as squared_error_sum,
        cast(squared_error_sum_squares as {{ double }}) as squared_error_sum_squares,
        window_start,
        first_event_at,
        last_event_at

    from grouped

)

select * from final
