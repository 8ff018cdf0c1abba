{#-
    The validation results as the current rules would have judged them as of
    each replay point (int_corridor__replay_points): one row per as_of ×
    result of corridor_validation_results visible then.

    - A window is visible once it has ended (window_end <= as_of); as of the
      build's own now every result of the build is visible, the window in
      progress included.
    - A window of a label-dependent metric (corridor.label_dependent_metrics;
      not for rules judged on the label-free estimate) whose labels were
      still arriving at as_of (int_corridor__replay_label_arrivals) is
      judged on the labels arrived by then, with its quality gates (label
      maturity) as of then: the checks of int_corridor__replay_label_checks
      (calendar and rolling windows).
    - The Benjamini-Hochberg family is recomputed per as_of over the tested
      results visible then (corridor.fdr_q_values), so is_confirmed_breach
      is what the build would have decided at that time.
    Windows, lookbacks, baselines and expectations are the build's: the
    recorded history does not change with the as_of, only what was known.
-#}
{%- set passed = [
    'result_id', 'rule_id', 'rule_version', 'hypothesis', 'metric', 'comparison_kind', 'direction', 'model_id',
    'model_version', 'segment_dimension', 'segment_value', 'window_grain', 'window_start', 'window_end', 'status',
    'production_value', 'sample_size', 'expected_source', 'expected_value', 'absolute_deviation',
    'relative_deviation', 'bad_deviation', 'warn_threshold', 'fail_threshold', 'p_value', 'is_tested', 'is_breach',
    'reason', 'owner', 'escalation_path', 'severity', 'dbt_severity', 'consecutive_windows', 'min_sample_size',
] -%}
{%- set f = corridor.format_number -%}
{#- the columns of an as-of check (int_corridor__replay_label_checks) that replace the build's -#}
{%- set as_of_columns = {
    'status': 'as_of_checks.status',
    'production_value': 'as_of_checks.observed_value',
    'sample_size': 'as_of_checks.sample_size',
    'absolute_deviation': 'as_of_checks.absolute_deviation',
    'relative_deviation': 'as_of_checks.relative_deviation',
    'bad_deviation': 'as_of_checks.bad_deviation',
    'p_value': 'as_of_checks.p_value',
    'is_tested': "as_of_checks.status not in ('missing', 'blocked') and as_of_checks.gate_reason is null
        and as_of_checks.p_value is not null",
    'is_breach': "as_of_checks.status in ('warn', 'fail')",
    'reason': "as_of_checks.rule_id || ' v' || as_of_checks.rule_version || ' ' || as_of_checks.status || ' on the labels arrived by then: '
        || coalesce(as_of_checks.gate_reason, as_of_checks.metric || ' ' || " ~ f('as_of_checks.observed_value') ~ " || ' vs '
        || " ~ f('as_of_checks.expected_value') ~ " || ' expected; ' || as_of_checks.explanation)",
} -%}

with

results as (

    select * from {{ ref('corridor_validation_results') }}

),

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}

),

points as (

    select * from {{ ref('int_corridor__replay_points') }}

),

label_arrivals as (

    select * from {{ ref('int_corridor__replay_label_arrivals') }}

),

label_windows as (

    select
        results.result_id,
        max(label_arrivals.labels_complete_at) as labels_complete_at

    from results
    inner join rules
        on results.rule_id = rules.rule_id
        and results.rule_version = rules.rule_version
    inner join label_arrivals
        on results.model_id = label_arrivals.model_id
        and results.model_version = label_arrivals.model_version
        and results.window_start <= label_arrivals.event_hour
        and results.window_end > label_arrivals.event_hour
    where results.metric in ({{ corridor.sql_string_list(corridor.label_dependent_metrics()) }})
        and coalesce(rules.observation_source, 'production') <> 'label_free_estimate'
    group by results.result_id

),

as_of_checks as (

    select * from {{ ref('int_corridor__replay_label_checks') }}

),

{# the as-of checks in the columns of the results (the FDR clause of the reason is the replay's: q_value below) #}
as_of_results as (

    select
        as_of_checks.as_of,
        false as is_build_now,
        {%- for column in passed %}
        {%- if column in as_of_columns %}
        {{ as_of_columns[column] }}{{ ' as ' ~ column if as_of_columns[column] != 'as_of_checks.' ~ column }},
        {%- else %}
        results.{{ column }},
        {%- endif %}
        {%- endfor %}
        label_windows.labels_complete_at

    from as_of_checks
    inner join results
        on {{ corridor.keys_equal('as_of_checks', 'results', [
            'rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain', 'window_start'
        ]) }}
    inner join label_windows
        on results.result_id = label_windows.result_id
    where label_windows.labels_complete_at > as_of_checks.as_of

),

visible as {{ corridor.materialized_cte() }} (

    select
        points.as_of,
        points.is_build_now,
        {%- for column in passed %}
        results.{{ column }},
        {%- endfor %}
        label_windows.labels_complete_at

    from points
    inner join results
        on points.is_build_now
        or points.as_of >= results.window_end
    left join label_windows
        on results.result_id = label_windows.result_id
    where points.is_build_now
        or label_windows.labels_complete_at is null
        or label_windows.labels_complete_at <= points.as_of

    union all

    select * from as_of_results

),

q_values as (

    {{ corridor.fdr_q_values('visible', 'result_id', 'p_value', 'is_tested', partition_by=['as_of']) }}

),

final as (

    select
        visible.*,
        cast(q_values.q_value as {{ corridor.type_double() }}) as q_value,
        q_values.family_size as fdr_family_size,
        coalesce(visible.is_breach and q_values.q_value <= {{ corridor.setting('corridor_fdr_level') }}, false) as is_confirmed_breach

    from visible
    left join q_values
        on visible.as_of = q_values.as_of
        and visible.result_id = q_values.result_id

)

select * from final
