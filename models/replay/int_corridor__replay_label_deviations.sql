{#-
    The checks of label-dependent windows as of the replay points at which
    their labels were still arriving: each check of
    int_corridor__validation_deviations on such a window (a metric of
    corridor.replay_label_metrics), once per
    as_of its labels were still arriving, with

    - the production side recomputed from the labels arrived by as_of
      (int_corridor__replay_label_stats, and for AUC and calibration error
      int_corridor__replay_histogram_metrics; value, standard error,
      interval and sample size by corridor.metric_row_sql, as
      int_corridor__production_metrics computes them: a live build with
      corridor_as_of set to that point gives the same);
    - the window's quality gates as of that point, label maturity included
      (int_corridor__replay_label_gates).
    Then the live deviation steps (corridor.validation_deviation_ctes) run on
    them unchanged. Expected values, baselines and rules are the build's.
-#}
with

checks as (

    select * from {{ ref('int_corridor__validation_deviations') }}
    where metric in ({{ corridor.sql_string_list(corridor.replay_label_metrics() | map(attribute='name') | list) }})
        and coalesce(observation_source, 'production') <> 'label_free_estimate'

),

window_stats as (

    select * from {{ ref('int_corridor__replay_label_stats') }}

),

histogram_stats as (

    select * from {{ ref('int_corridor__replay_histogram_metrics') }}

),

gates as (

    select * from {{ ref('int_corridor__replay_label_gates') }}

),

observations as (

    {{ corridor.replay_label_observation_rows() }}

),

prepared as {{ corridor.materialized_cte() }} (

    select
        observations.as_of,
        {{ corridor.select_columns(corridor.replay_label_kept_columns(ref('int_corridor__validation_deviations')), 'checks') }}
        observations.observed_value,
        observations.observed_se,
        observations.observed_lower,
        observations.observed_upper,
        observations.sample_size,
        coalesce(gates.gate_status, checks.gate_status) as gate_status,
        coalesce(gates.failing_checks, checks.gate_failing_checks) as gate_failing_checks,
        coalesce(gates.gate_diagnostic, checks.gate_diagnostic) as gate_diagnostic

    from checks
    inner join observations
        on {{ corridor.keys_equal('checks', 'observations', [
            'model_id', 'model_version', 'metric', 'segment_dimension', 'segment_value', 'window_grain', 'window_start'
        ]) }}
    left join gates
        on observations.as_of = gates.as_of
        and checks.model_id = gates.model_id
        and checks.window_grain = gates.window_grain
        and checks.window_start = gates.window_start

),

{{ corridor.validation_deviation_ctes('prepared') }}

select * from detectable_5
