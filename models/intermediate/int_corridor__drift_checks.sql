{#-
    The checks of the drift rules (comparison_kind drift): one row per valid
    drift rule version × model version × segment in its scope × window of its
    grain in corridor_feature_drift, in the columns of
    int_corridor__validation_checks, so that the drift checks share the run's
    false-discovery control, the alert episodes and the owners' escalation
    with every other check (int_corridor__checks unions them).

    The judged quantity is the drift measure itself (an effect size), never a
    raw p-value of "any difference": H0 is "the true measure is at most the
    tolerance", tested with the sampling noise of both histograms
    (corridor.drift_p_value_arguments, then corridor.drift_p_value). A
    window whose measure exceeds the warn (fail) tolerance by more than its
    noise is warn (fail) at corridor_test_alpha; exceeding it by less is
    inconclusive; at or below it, pass. So a large n narrows the noise but
    never turns a drift under the tolerance into an alert (docs/drift.md has
    the simulations).
-#}
{#- reconstruction_error (the features together) is judged in int_corridor__multivariate_drift_checks -#}
{%- set measures = [] -%}
{%- for measure, spec in corridor.drift_measures().items()
    if spec['test'] != 'multivariate' -%}{%- do measures.append(measure) -%}{%- endfor -%}
{%- set alpha = corridor.setting('corridor_test_alpha') -%}
{%- set string = dbt.type_string() -%}
{%- set grains = corridor.feature_drift_grains() -%}

{#- sqlfluff: the p-values (corridor.drift_p_value: Kolmogorov and chi-square tails, normal CDFs) nest deeply #}
-- sqlfluff:max_parse_depth:2000

with

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}
    where is_valid
        and comparison_kind = 'drift'
        and metric in ({{ corridor.sql_string_list(measures) }})

),

drift as (

    select * from {{ ref('corridor_feature_drift') }}

),

gates as (

    select * from {{ ref('int_corridor__window_gate_status') }}

),

scoped as (

    select
        rules.rule_id,
        rules.rule_version,
        rules.hypothesis,
        rules.metric as measure,
        rules.feature_name,
        rules.comparison_kind,
        rules.direction,
        rules.tolerance_unit,
        rules.warn_tolerance,
        rules.fail_tolerance,
        rules.min_sample_size,
        rules.consecutive_windows,
        rules.power,
        rules.owner,
        rules.escalation_path,
        rules.severity,
        rules.dbt_severity,
        drift.model_id,
        drift.model_version,
        drift.window_grain,
        drift.segment_dimension,
        drift.segment_value,
        drift.window_start,
        drift.has_reference,
        drift.n_events,
        drift.n_values,
        drift.n_reference,
        drift.n_bins,
        case rules.metric
            {%- for measure in measures %}
            when '{{ measure }}' then drift.{{ measure }}
            {%- endfor %}
        end as observed_value,
        case when rules.metric = 'null_rate' then drift.reference_null_rate else 0 end as baseline,
        case when rules.metric = 'null_rate' then drift.n_events else drift.n_values end as n_trials

    from rules
    inner join drift
        on rules.feature_name = drift.feature_name
        and rules.window_grain = drift.window_grain
        and (rules.model_id is null or rules.model_id = drift.model_id)
        and (
            (rules.segment_dimension = 'all' and drift.segment_dimension = 'all')
            or (rules.segment_dimension = drift.segment_dimension and rules.segment_value in ('*', drift.segment_value))
        )
        and (rules.valid_from is null or rules.valid_from <= drift.window_start)
        and (rules.valid_to is null or rules.valid_to > drift.window_start)

),

{#- the p-values of H0 "the true measure is at most the warn (fail) tolerance": CTEs test_arguments .. tested #}

{{ corridor.drift_test_ctes('scoped', 'measure', 'observed_value', 'warn_tolerance', 'fail_tolerance', 'n_values', 'n_reference', 'n_bins',
    'baseline', 'n_trials') }},

judged as (

    select
        tested.*,
        {{ corridor.window_offset_by_grain('tested.window_grain', 1, 'tested.window_start', grains) }} as window_end,
        gates.gate_status,
        gates.failing_checks as gate_failing_checks,
        gates.gate_diagnostic,
        case
            when not tested.has_reference or tested.observed_value is null then 'missing'
            when gates.gate_status = 'fail' then 'blocked'
            when tested.n_values < coalesce(tested.min_sample_size, 0) then 'inconclusive'
            when tested.p_fail <= {{ alpha }} then 'fail'
            when tested.p_warn <= {{ alpha }} then 'warn'
            when tested.observed_value > tested.warn_tolerance then 'inconclusive'
            else 'pass'
        end as status

    from tested
    left join gates
        on tested.model_id = gates.model_id
        and tested.window_grain = gates.window_grain
        and tested.window_start = gates.window_start

),

final as (

    select
        rule_id,
        rule_version,
        hypothesis,
        cast(measure || ':' || feature_name as {{ string }}) as metric,
        comparison_kind,
        direction,
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        window_grain,
        window_start,
        window_end,
        status,
        cast(observed_value as {{ corridor.type_double() }}) as observed_value,
        cast(null as {{ corridor.type_double() }}) as observed_lower,
        cast(null as {{ corridor.type_double() }}) as observed_upper,
        cast(null as {{ corridor.type_double() }}) as observed_se,
        cast(n_values as {{ dbt.type_bigint() }}) as sample_size,
        cast('reference' as {{ string }}) as expected_source,
        cast(null as {{ string }}) as estimate_id,
        cast(baseline as {{ corridor.type_double() }}) as expected_value,
        cast(null as {{ corridor.type_double() }}) as expected_lower,
        cast(null as {{ corridor.type_double() }}) as expected_upper,
        cast(null as {{ corridor.type_double() }}) as expected_se,
        cast(null as {{ dbt.type_int() }}) as baseline_windows,
        cast(observed_value - baseline as {{ corridor.type_double() }}) as absolute_deviation,
        cast(null as {{ corridor.type_double() }}) as relative_deviation,
        cast(observed_value - baseline as {{ corridor.type_double() }}) as bad_deviation,
        tolerance_unit,
        cast(warn_tolerance as {{ corridor.type_double() }}) as warn_tolerance,
        cast(fail_tolerance as {{ corridor.type_double() }}) as fail_tolerance,
        cast(warn_tolerance as {{ corridor.type_double() }}) as tol_warn,
        cast(fail_tolerance as {{ corridor.type_double() }}) as tol_fail,
        cast(null as {{ corridor.type_double() }}) as check_se,
        cast(observed_value - warn_tolerance as {{ corridor.type_double() }}) as test_statistic,
        cast(p_warn as {{ corridor.type_double() }}) as p_value,
        cast(null as {{ corridor.type_double() }}) as eq_p_warn,
        cast(null as {{ corridor.type_double() }}) as detectable_deviation,
        cast(power as {{ corridor.type_double() }}) as power,
        gate_status,
        gate_failing_checks,
        case
            when not has_reference then 'no reference distribution of feature ' || feature_name || ' for this model version'
            when observed_value is null
                then measure || ' of feature ' || feature_name
                || ' has no value in this window (no values of the feature)'
            when gate_status = 'fail'
                then 'the window''s data failed its quality gates (' || gate_failing_checks
                || '), so a drift here would be a data incident, not a model finding: ' || gate_diagnostic
            when
                n_values < coalesce(min_sample_size, 0) then
            'sample size ' || cast(n_values as {{ string }}) || ' is below the rule''s minimum of '
            || cast(min_sample_size as {{ string }})
        end as gate_reason,
        'feature ' || feature_name || ' ' || measure || ' ' || {{ corridor.format_number('observed_value') }}
        || ' against tolerance ' || {{ corridor.format_number('warn_tolerance') }} || ' (warn) / '
        || {{ corridor.format_number('fail_tolerance') }}
        || ' (fail), ' || cast(n_values as {{ string }}) || ' values vs ' || cast(coalesce(n_reference, 0) as {{ string }}) || ' reference'
        || '; p(measure <= warn tolerance) = ' || {{ corridor.format_number('p_warn') }} as explanation,
        owner,
        escalation_path,
        severity,
        dbt_severity,
        consecutive_windows,
        min_sample_size

    from judged

)

select * from final
