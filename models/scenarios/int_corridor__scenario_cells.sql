{#-
    The injection: the recorded events (int_corridor__events_enriched) of
    every check cell (model version × grain × window × segment of a check
    on a metric the scenario changes) that overlaps a run's period, with the
    scenario applied to its affected events (the scenario's model, segment
    and period), aggregated per run × cell. Deterministic: an event's draw
    u in (0, 1) is a hash of (event key, scenario_id, seed), never random().

    - error_rate_points k: a non-error affected event becomes an error when
      u < (k / 100) / (1 - p), p the affected events' recorded error rate, so
      the rate rises by k points in expectation;
    - accuracy_points k: a correctly classified, labelled, affected event
      has its label flipped when u < (k / 100) / a, a their recorded
      accuracy, so accuracy falls by k points in expectation (a flipped
      true positive becomes a false positive, a true negative a false
      negative: precision, recall and F1 move with it);
    - latency_multiplier m: every affected latency × m;
    - tail_latency f: an affected event takes var
      corridor_scenario_tail_latency_ms when u < f.
    Per cell: the added errors and flipped labels (flipped_positives of them
    true positives; int_corridor__scenario_deviations
    turns them into rates over the check's own sample size), the slow requests
    (latency above corridor_slow_request_ms, metric slow_request_rate) before
    and after the injection (among the events with a recorded latency, the
    metric's sample), and the latency mean and quantiles (corridor.percentiles:
    exact, the numbers of int_corridor__latency_quantiles)
    before and after the injection.
-#}
{%- set segments = corridor.segment_dimensions() -%}
{%- set slow_ms = corridor.setting('corridor_slow_request_ms') -%}

with

runs as (

    select * from {{ ref('int_corridor__scenario_runs') }}

),

{# read twice: inlined (corridor.inlined_cte), not copied with every column of every event first -#}
events as {{ corridor.inlined_cte() }} (

    select * from {{ ref('int_corridor__events_enriched') }}

),

check_cells as (

    select distinct
        model_id,
        model_version,
        window_grain,
        window_start,
        window_end,
        segment_dimension,
        segment_value,
        metric

    from {{ ref('int_corridor__validation_deviations') }}

),

run_cells as (

    select distinct
        runs.scenario_id,
        runs.seed,
        runs.kind,
        runs.size,
        runs.starts_at,
        runs.ends_at,
        runs.segment_dimension as scenario_dimension,
        runs.segment_value as scenario_value,
        check_cells.model_id,
        check_cells.model_version,
        check_cells.window_grain,
        check_cells.window_start,
        check_cells.window_end,
        check_cells.segment_dimension,
        check_cells.segment_value

    from runs
    inner join check_cells
        on (runs.model_id is null or runs.model_id = check_cells.model_id)
        and runs.starts_at < check_cells.window_end
        and runs.ends_at > check_cells.window_start
        and {{ corridor.scenario_touches_metric('runs.kind', 'check_cells.metric') }}

),

{# the recorded error rate and accuracy of each scenario's affected events (the flip probabilities' denominators) #}
affected_base as (

    select
        scenarios.scenario_id,
        avg(case when events.is_error then 1.0 else 0.0 end) as base_error_rate,
        avg(case
            when events.label is not null and events.predicted_class is not null and not events.is_error
                then case when events.predicted_class = events.label then 1.0 else 0.0 end
        end) as base_accuracy

    from (
        select distinct
            scenario_id,
            model_id,
            segment_dimension,
            segment_value,
            starts_at,
            ends_at
        from runs
    ) as scenarios
    inner join events
        on (scenarios.model_id is null or scenarios.model_id = events.model_id)
        and scenarios.starts_at <= events.event_at
        and scenarios.ends_at > events.event_at
        and (
            scenarios.segment_dimension = 'all'
            {%- for s in segments %}
            or (
                scenarios.segment_dimension = {{ corridor.sql_string(s['dimension']) }}
                and events.segment_{{ s['dimension'] }} = scenarios.segment_value
            )
            {%- endfor %}
        )
    group by scenarios.scenario_id

),

cell_events as (

    select
        run_cells.*,
        events.latency_ms,
        events.is_error,
        events.label,
        events.predicted_class,
        events.event_at >= run_cells.starts_at
        and events.event_at < run_cells.ends_at
        and (
            run_cells.scenario_dimension = 'all'
            {%- for s in segments %}
            or (
                run_cells.scenario_dimension = {{ corridor.sql_string(s['dimension']) }}
                and events.segment_{{ s['dimension'] }} = run_cells.scenario_value
            )
            {%- endfor %}
        ) as is_affected,
        ({{ corridor.hash32(dbt.concat([dbt.cast('events.event_key', dbt.type_string()), "'|'", 'run_cells.scenario_id', "'|'",
            dbt.cast('run_cells.seed', dbt.type_string())])) }} + 0.5) / 4294967296.0 as draw

    from run_cells
    inner join events
        on run_cells.model_id = events.model_id
        and run_cells.model_version = events.model_version
        and run_cells.window_start <= events.event_at
        and run_cells.window_end > events.event_at
        and (
            run_cells.segment_dimension = 'all'
            {%- for s in segments %}
            or (
                run_cells.segment_dimension = {{ corridor.sql_string(s['dimension']) }}
                and events.segment_{{ s['dimension'] }} = run_cells.segment_value
            )
            {%- endfor %}
        )

),

perturbed as (

    select
        cell_events.*,
        case
            when cell_events.is_affected and cell_events.kind = 'error_rate_points' and not cell_events.is_error
                and cell_events.draw < (cell_events.size / 100.0) / nullif(1 - affected_base.base_error_rate, 0)
                then 1
            else 0
        end as added_error,
        case
            when cell_events.is_affected and cell_events.kind = 'accuracy_points'
                and cell_events.label is not null and cell_events.predicted_class is not null and not cell_events.is_error
                and cell_events.predicted_class = cell_events.label
                and cell_events.draw < (cell_events.size / 100.0) / nullif(affected_base.base_accuracy, 0)
                then 1
            else 0
        end as flipped_label,
        case
            when cell_events.is_affected and cell_events.kind = 'latency_multiplier' then cell_events.latency_ms * cell_events.size
            when cell_events.is_affected and cell_events.kind = 'tail_latency' and cell_events.draw < cell_events.size
                then cast({{ corridor.setting('corridor_scenario_tail_latency_ms') }} as {{ corridor.type_double() }})
            else cell_events.latency_ms
        end as perturbed_latency_ms

    from cell_events
    left join affected_base
        on cell_events.scenario_id = affected_base.scenario_id

),

final as (

    select
        scenario_id,
        seed,
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value,
        count(*) as cell_events,
        sum(case when is_affected then 1 else 0 end) as affected_events,
        sum(added_error) as added_errors,
        sum(flipped_label) as flipped_labels,
        sum(case when flipped_label = 1 and predicted_class = 1 then 1 else 0 end) as flipped_positives,
        sum(case when latency_ms > {{ slow_ms }} then 1 else 0 end) as slow_before,
        sum(case when latency_ms is not null and perturbed_latency_ms > {{ slow_ms }} then 1 else 0 end) as slow_after,
        cast(avg(latency_ms) as {{ corridor.type_double() }}) as latency_mean_before,
        cast(avg(perturbed_latency_ms) as {{ corridor.type_double() }}) as latency_mean_after,
        {{ corridor.percentiles('latency_ms', [0.5, 0.95, 0.99]) }} as quantiles_before,
        {{ corridor.percentiles('perturbed_latency_ms', [0.5, 0.95, 0.99]) }} as quantiles_after

    from perturbed
    group by scenario_id, seed, model_id, model_version, window_grain, window_start, segment_dimension, segment_value

)

select * from final
