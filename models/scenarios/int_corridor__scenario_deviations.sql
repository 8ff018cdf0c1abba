{#-
    The checks of the run (int_corridor__validation_deviations: each check
    with its rule, expected value, gate status and standard errors) once per
    scenario run, with the production side of the cells the run perturbed
    (int_corridor__scenario_cells) replaced:

    - error rate, slow-request rate: the recorded rate plus the added errors
      (plus the requests the injection made slow, minus those it made fast)
      over the check's own sample size; accuracy, precision, recall, F1: the
      confusion counts after the flipped labels (corridor.label_flip_value,
      corridor.label_flip_sample_size: recall's and F1's samples change);
      the standard error that of a proportion at the new rate over the new
      sample (F1: its delta-method one), the interval shifted by the same
      amount;
    - latency mean and quantiles: the recorded value (and its interval and
      standard error) times the ratio of the cell's value after to before the
      injection (exact for a multiplier applied to the whole cell).
    Then the live deviation steps (corridor.validation_deviation_ctes) run on
    them unchanged. Expected values, seasonal baselines, gates and rules are
    the build's: a scenario perturbs production, not the expectations.
-#}
{#- the label metrics a label flip moves: those of the accuracy_points kind (corridor.scenario_kinds) -#}
{%- set label_metrics = corridor.scenario_kinds()['accuracy_points']['metrics'] -%}
{%- set flips = ['cells.flipped_positives', 'cells.flipped_labels - cells.flipped_positives'] -%}

with

checks as (

    select * from {{ ref('int_corridor__validation_deviations') }}

),

runs as (

    select distinct
        scenario_id,
        seed
    from {{ ref('int_corridor__scenario_runs') }}

),

cells as (

    select
        *,
        {{ corridor.latency_ratio_columns('quantiles_after', 'quantiles_before') }}
        latency_mean_after / nullif(latency_mean_before, 0) as latency_mean_ratio

    from {{ ref('int_corridor__scenario_cells') }}

),

shifted as (

    select
        runs.scenario_id,
        runs.seed,
        {{- corridor.scenario_check_columns(ref('int_corridor__validation_deviations'), 'checks') }}
        checks.observed_value as recorded_value,
        checks.observed_se as recorded_se,
        checks.observed_lower as recorded_lower,
        checks.observed_upper as recorded_upper,
        case
            when checks.metric in ({{ corridor.sql_string_list(label_metrics) }}) and cells.flipped_labels > 0
                then {{ corridor.label_flip_sample_size('checks.metric', 'checks.sample_size', *flips) }}
            else checks.sample_size
        end as sample_size,
        cast(case
            when cells.scenario_id is null or checks.observed_value is null then checks.observed_value
            when checks.metric = 'error_rate' and cells.added_errors = 0 then checks.observed_value
            when checks.metric in ({{ corridor.sql_string_list(label_metrics) }}) and cells.flipped_labels = 0 then checks.observed_value
            when checks.metric = 'slow_request_rate' and cells.slow_after = cells.slow_before then checks.observed_value
            when checks.metric = 'error_rate'
                then least(
                    1.0,
                    checks.observed_value + cells.added_errors / nullif(cast(checks.sample_size as {{ corridor.type_double() }}), 0)
                )
            when checks.metric = 'slow_request_rate'
                then least(1.0, greatest(
                    0.0,
                    checks.observed_value
                    + (cells.slow_after - cells.slow_before) / nullif(cast(checks.sample_size as {{ corridor.type_double() }}), 0)
                ))
            when checks.metric in ({{ corridor.sql_string_list(label_metrics) }})
                then {{ corridor.label_flip_value('checks.metric', 'checks.observed_value', 'checks.sample_size', *flips) }}
            {{ corridor.latency_scaled_branches('checks.metric', 'checks.observed_value', 'cells') }}
            else checks.observed_value
        end as {{ corridor.type_double() }}) as observed_value,
        {{ corridor.latency_ratio('checks.metric', 'cells') }} as latency_ratio,
        coalesce(
            (checks.metric = 'error_rate' and cells.added_errors > 0)
            or (checks.metric in ({{ corridor.sql_string_list(label_metrics) }}) and cells.flipped_labels > 0)
            or (checks.metric = 'slow_request_rate' and cells.slow_after <> cells.slow_before),
            false
        ) as is_perturbed_rate

    from checks
    cross join runs
    left join cells
        on runs.scenario_id = cells.scenario_id
        and runs.seed = cells.seed
        and checks.model_id = cells.model_id
        and checks.model_version = cells.model_version
        and checks.window_grain = cells.window_grain
        and checks.window_start = cells.window_start
        and checks.segment_dimension = cells.segment_dimension
        and checks.segment_value = cells.segment_value

),

prepared as {{ corridor.materialized_cte() }} (

    select
        *,
        case
            {#- F1 = 2J / (1 + J): its delta-method standard error at J = F1 / (2 - F1) (corridor.metric_row_sql) #}
            when is_perturbed_rate and metric = 'f1' and sample_size > 0
                then 2 / ((1 + observed_value / (2 - observed_value)) * (1 + observed_value / (2 - observed_value)))
                * sqrt(observed_value / (2 - observed_value) * (1 - observed_value / (2 - observed_value)) / sample_size)
            when is_perturbed_rate and sample_size > 0 then sqrt(observed_value * (1 - observed_value) / sample_size)
            when latency_ratio is not null then recorded_se * latency_ratio
            else recorded_se
        end as observed_se,
        case
            when is_perturbed_rate then recorded_lower + (observed_value - recorded_value)
            when latency_ratio is not null then recorded_lower * latency_ratio
            else recorded_lower
        end as observed_lower,
        case
            when is_perturbed_rate then recorded_upper + (observed_value - recorded_value)
            when latency_ratio is not null then recorded_upper * latency_ratio
            else recorded_upper
        end as observed_upper

    from shifted

),

{{ corridor.validation_deviation_ctes('prepared') }}

select * from detectable_5
