{#-
    Per scenario run (scenario x seed) and rule on a metric the scenario
    changes (docs/scenarios.md): whether the run's alerts
    (int_corridor__scenario_alerts) detect the scenario, its time to detect,
    the run's other alerts of the rule, and the largest lower confidence
    bound of the bad deviation over the rule's judged windows overlapping
    the scenario (best_margin, in the rule's tolerance unit). Summarized
    over the seeds in corridor_scenario_results, where the matching rules
    are spelled out.
-#}
{%- set alpha = corridor.setting('corridor_test_alpha') -%}
{#- an alert or a result (ROW) overlaps its run's scenario: model, metric, segment -#}
{%- set overlaps = '(runs.model_id is null or ROW.model_id = runs.model_id) and '
    ~ corridor.scenario_touches_metric('runs.kind', 'ROW.metric')
    ~ " and (ROW.segment_dimension = 'all' or runs.segment_dimension = 'all'"
    ~ ' or ROW.segment_dimension <> runs.segment_dimension or ROW.segment_value = runs.segment_value)' -%}
{%- set series = ['rule_id', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain'] -%}

with

scenarios as (

    select * from {{ ref('stg_corridor__scenarios') }}

),

runs as (

    select * from {{ ref('int_corridor__scenario_runs') }}

),

results as (

    select * from {{ ref('int_corridor__scenario_results') }}

),

alerts as (

    select * from {{ ref('int_corridor__scenario_alerts') }}

),

live_alerts as (

    select alert_id from {{ ref('int_corridor__alert_episodes') }}

),

label_arrivals as (

    select * from {{ ref('int_corridor__replay_label_arrivals') }}

),

rules as (

    select
        rule_id,
        metric,
        tolerance_unit,
        warn_tolerance,
        row_number() over (partition by rule_id order by rule_version desc) as recency

    from {{ ref('int_corridor__rules_checked') }}
    where is_valid
        and comparison_kind <> 'drift'

),

scenario_rules as (

    select
        scenarios.scenario_id,
        rules.rule_id,
        rules.metric,
        rules.tolerance_unit,
        rules.warn_tolerance

    from scenarios
    inner join rules
        on rules.recency = 1
        and {{ corridor.scenario_touches_metric('scenarios.kind', 'rules.metric') }}
    where scenarios.is_valid

),

opening_windows as (

    select
        alerts.scenario_id,
        alerts.seed,
        alerts.alert_id,
        alerts.rule_id,
        {{ overlaps | replace('ROW', 'alerts') }}
        and alerts.first_seen_window_start < runs.ends_at
        and alerts.last_seen_window_end > runs.starts_at as is_match,
        opened.result_id as opening_result_id,
        opened.window_start as opening_window_start,
        opened.window_end as opening_window_end,
        opened.metric,
        opened.model_id,
        opened.model_version,
        runs.starts_at

    from alerts
    inner join runs
        on alerts.scenario_id = runs.scenario_id
        and alerts.seed = runs.seed
    inner join results as opened
        on alerts.scenario_id = opened.scenario_id
        and alerts.seed = opened.seed
        {%- for key in series %}
        and alerts.{{ key }} = opened.{{ key }}
        {%- endfor %}
        and alerts.opened_window_start = opened.window_start
        and alerts.rule_version = opened.rule_version

),

detections as (

    select
        opening_windows.scenario_id,
        opening_windows.seed,
        opening_windows.alert_id,
        opening_windows.rule_id,
        opening_windows.is_match,
        opening_windows.starts_at,
        case
            when opening_windows.metric in ({{ corridor.sql_string_list(corridor.label_dependent_metrics()) }})
                and max(label_arrivals.labels_complete_at) > opening_windows.opening_window_end
                then max(label_arrivals.labels_complete_at)
            else opening_windows.opening_window_end
        end as detected_at

    from opening_windows
    left join label_arrivals
        on opening_windows.model_id = label_arrivals.model_id
        and opening_windows.model_version = label_arrivals.model_version
        and opening_windows.opening_window_start <= label_arrivals.event_hour
        and opening_windows.opening_window_end > label_arrivals.event_hour
    group by
        opening_windows.scenario_id, opening_windows.seed, opening_windows.alert_id, opening_windows.rule_id,
        opening_windows.is_match, opening_windows.starts_at, opening_windows.metric, opening_windows.opening_window_end

),

margins as (

    select
        results.scenario_id,
        results.seed,
        results.rule_id,
        max(
            (results.bad_deviation - case when results.direction = 'two_sided' then {{ corridor.normal_quantile(1 - alpha / 2) }}
                else {{ corridor.normal_quantile(1 - alpha) }}
            end * results.check_se)
            / case when results.tolerance_unit = 'relative' then nullif(abs(results.expected_value), 0) else 1 end
        ) as best_margin

    from results
    inner join runs
        on results.scenario_id = runs.scenario_id
        and results.seed = runs.seed
    where {{ overlaps | replace('ROW', 'results') }}
        and results.window_start < runs.ends_at
        and results.window_end > runs.starts_at
        and results.status not in ('missing', 'blocked', 'inconclusive')
    group by results.scenario_id, results.seed, results.rule_id

),

per_run as (

    select
        runs.scenario_id,
        runs.seed,
        runs.seeds,
        scenario_rules.rule_id,
        max(case when detections.is_match then 1 else 0 end) as is_detected,
        min(case when detections.is_match then (
                {{ corridor.epoch_seconds('detections.detected_at') }}
                - {{ corridor.epoch_seconds('runs.starts_at') }}
            ) / 3600.0
        end) as hours_to_detect,
        sum(case when detections.alert_id is not null and not detections.is_match then 1 else 0 end) as false_alerts,
        sum(case when detections.alert_id is not null and not detections.is_match and live_alerts.alert_id is null then 1 else 0 end)
            as new_false_alerts

    from runs
    inner join scenario_rules
        on runs.scenario_id = scenario_rules.scenario_id
    left join detections
        on runs.scenario_id = detections.scenario_id
        and runs.seed = detections.seed
        and scenario_rules.rule_id = detections.rule_id
    left join live_alerts
        on detections.alert_id = live_alerts.alert_id
    group by runs.scenario_id, runs.seed, runs.seeds, scenario_rules.rule_id

),

final as (

    select
        per_run.scenario_id,
        per_run.rule_id,
        scenario_rules.metric,
        scenario_rules.tolerance_unit,
        per_run.seed,
        per_run.seeds,
        per_run.is_detected,
        cast(per_run.hours_to_detect as {{ corridor.type_double() }}) as hours_to_detect,
        per_run.false_alerts,
        per_run.new_false_alerts,
        cast(scenario_rules.warn_tolerance as {{ corridor.type_double() }}) as warn_tolerance,
        cast(margins.best_margin as {{ corridor.type_double() }}) as best_margin

    from per_run
    inner join scenario_rules
        on per_run.scenario_id = scenario_rules.scenario_id
        and per_run.rule_id = scenario_rules.rule_id
    left join margins
        on per_run.scenario_id = margins.scenario_id
        and per_run.seed = margins.seed
        and per_run.rule_id = margins.rule_id

)

select * from final
