{#-
    Every check the rules registry asks for, before false-discovery control:
    one row per valid rule version × model version × segment in the rule's
    scope × window of the rule's grain inside the version's period in force.
    The window set is the union of production windows (the complete grid,
    empty windows included) and windows with an offline estimate, so a
    window without production data or without an expectation becomes an
    explicit `missing` row, never a silent gap.

    The expected value is the aligned offline estimate, or for `seasonal`
    rules the seasonal baseline. A window whose data failed its quality gates
    (int_corridor__window_gate_status) is `blocked`: neither pass nor fail. Tolerances are turned into metric units, the
    deviation is oriented so that positive means worse, and the comparison
    kind's macro (macros/validation/comparison_kinds.sql) supplies the test.
-#}
{%- set kinds = corridor.comparison_kinds() -%}
{%- set check_keys = ['rule_id', 'rule_version', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_start'] -%}
{%- set catalogue = corridor.metric_catalogue() -%}
{%- set rate_metrics = [] -%}
{%- for name, spec in catalogue.items() -%}
    {%- if spec['family'] == 'rate' -%}{%- do rate_metrics.append(name) -%}{%- endif -%}
{%- endfor -%}

{%- set alpha = corridor.setting('corridor_test_alpha') -%}
{%- set z_alpha_one = corridor.normal_quantile(1 - alpha) -%}
{%- set z_alpha_two = corridor.normal_quantile(1 - alpha / 2) -%}
{%- set double = corridor.type_double() -%}

with

rules as (

    select * from {{ ref('int_corridor__rules_checked') }}
    where is_valid
        and comparison_kind <> 'drift'

),

observations as (

    select * from {{ ref('corridor_metric_observations') }}

),

baselines as (

    select * from {{ ref('int_corridor__seasonal_baselines') }}

),

gates as (

    select * from {{ ref('int_corridor__window_gate_status') }}

),

{#- events per window (corridor.missing_value_reason) -#}
window_volume as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        window_start,
        metric_value as request_count

    from observations
    where source = 'production'
        and metric = 'request_count'

),

{%- for side in ['production', 'offline'] %}

scoped_{{ side }} as (

    select
        rules.rule_id,
        rules.rule_version,
        observations.metric,
        observations.model_id,
        observations.model_version,
        observations.segment_dimension,
        observations.segment_value,
        observations.window_start,
        observations.window_end,
        observations.metric_value,
        observations.standard_error,
        observations.interval_lower,
        observations.interval_upper,
        observations.confidence_level,
        observations.sample_size,
        {%- if side == 'production' %}
        observations.method,
        {%- endif %}
        observations.estimate_id{{ ',' if side == 'offline' }}
        {%- if side == 'offline' %}
        case
            when observations.source = 'offline_mix_adjusted' then 'offline_mix_adjusted'
            when observations.segment_dimension = 'all' then 'overall'
            else 'segment'
        end as expected_source
        {%- endif %}

    from rules
    inner join observations
        on rules.metric = observations.metric
        and rules.window_grain = observations.window_grain
        and (rules.model_id is null or rules.model_id = observations.model_id)
        and (
            (rules.segment_dimension = 'all' and observations.segment_dimension = 'all')
            or (rules.segment_dimension = observations.segment_dimension and rules.segment_value in ('*', observations.segment_value))
        )
        and (rules.valid_from is null or rules.valid_from <= observations.window_start)
        and (rules.valid_to is null or rules.valid_to > observations.window_start)
    where
        {%- if side == 'production' %}
        {#- a rule judges production observations, or the label-free estimate (rules.observation_source) #}
        observations.source = rules.observation_source
        {%- else %}
        {#- an offline side reads the rule's expected_source: offline, or offline_mix_adjusted (docs/decisions.md) #}
        observations.source = rules.expected_source
        {%- endif %}
        {%- if side == 'offline' %}
        and rules.comparison_kind <> 'seasonal'
        {%- endif %}

),
{%- endfor %}

{#- corridor_segment_estimate_fallback: the overall estimate for segment checks without their own -#}
expectations as (

    select * from scoped_offline
    {%- if corridor.setting('corridor_segment_estimate_fallback') %}
    union all
    {{ corridor.overall_fallback_expectations('scoped_production', 'scoped_offline', 'rules', 'observations', check_keys) }}
    {%- endif %}

),

paired as {{ corridor.materialized_cte() }} (

    select
        coalesce(scoped_production.rule_id, expectations.rule_id) as rule_id,
        coalesce(scoped_production.rule_version, expectations.rule_version) as rule_version,
        coalesce(scoped_production.model_id, expectations.model_id) as model_id,
        coalesce(scoped_production.model_version, expectations.model_version) as model_version,
        coalesce(scoped_production.segment_dimension, expectations.segment_dimension) as segment_dimension,
        coalesce(scoped_production.segment_value, expectations.segment_value) as segment_value,
        coalesce(scoped_production.window_start, expectations.window_start) as window_start,
        coalesce(scoped_production.window_end, expectations.window_end) as window_end,
        scoped_production.metric_value as observed_value,
        {#-
            The production uncertainty the tests use: the larger of the stated
            standard error and the half-width of the production interval over
            its critical value (for rates the Wilson interval, which does not
            collapse to 0 at 0 % or 100 %); counts get their Poisson error.
        -#}
        nullif(greatest(
            coalesce(scoped_production.standard_error, 0),
            coalesce(
                (scoped_production.interval_upper - scoped_production.interval_lower)
                / nullif(2 * {{ corridor.normal_quantile_sql('(1 - (1 - scoped_production.confidence_level) / 2)') }}, 0),
                0
            ),
            case
                when scoped_production.metric = 'request_count' then sqrt(scoped_production.metric_value)
                when scoped_production.metric = 'throughput_per_hour' then
                    sqrt(scoped_production.metric_value / ({{ dbt.datediff('scoped_production.window_start', 'scoped_production.window_end', 'hour') }}))
                else 0
            end
        ), 0) as observed_se,
        scoped_production.method as observed_method,
        scoped_production.interval_lower as observed_lower,
        scoped_production.interval_upper as observed_upper,
        scoped_production.confidence_level as observed_confidence_level,
        coalesce(scoped_production.sample_size, 0) as sample_size,
        expectations.metric_value as offline_value,
        expectations.standard_error as offline_se,
        expectations.interval_lower as offline_lower,
        expectations.interval_upper as offline_upper,
        expectations.estimate_id,
        expectations.expected_source as offline_source

    from scoped_production
    full outer join expectations
        on {{ corridor.keys_equal('scoped_production', 'expectations', check_keys) }}

),

prepared as {{ corridor.materialized_cte() }} (

    select
        paired.*,
        rules.hypothesis,
        rules.metric,
        rules.window_grain,
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
        rules.observation_source,
        case
            when rules.comparison_kind = 'seasonal' and baselines.baseline_median is not null then 'seasonal'
            when rules.comparison_kind <> 'seasonal' and paired.offline_value is not null then paired.offline_source
            else 'none'
        end as expected_source,
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_median else paired.offline_value end as expected_value,
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_standard_error else paired.offline_se end as expected_se,
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_median - {{ z_alpha_two }} * baselines.prediction_standard_error else paired.offline_lower end as expected_lower,
        case when rules.comparison_kind = 'seasonal' then baselines.baseline_median + {{ z_alpha_two }} * baselines.prediction_standard_error else paired.offline_upper end as expected_upper,
        {#- the baseline's spread already holds the sampling noise of a window; the window's own error only stands in when the spread is 0 -#}
        coalesce(nullif(baselines.prediction_standard_error, 0), paired.observed_se) as prediction_se,
        baselines.baseline_windows,
        baselines.min_history as baseline_min_history,
        gates.gate_status,
        gates.failing_checks as gate_failing_checks,
        gates.gate_diagnostic,
        coalesce(window_volume.request_count, 0) as window_request_count,
        {{ alpha }} as test_alpha,
        {{ z_alpha_one }} as z_alpha_one,
        case when rules.direction = 'two_sided' then {{ z_alpha_two }} else {{ z_alpha_one }} end as z_alpha,
        {{ corridor.normal_quantile_sql('rules.power') }} as z_power,
        case
            when rules.direction = 'two_sided' then {{ corridor.normal_quantile_sql('(1 + rules.power) / 2') }}
            else {{ corridor.normal_quantile_sql('rules.power') }}
        end as z_power_eq

    from paired
    inner join rules
        on paired.rule_id = rules.rule_id
        and paired.rule_version = rules.rule_version
    left join baselines
        on {{ corridor.keys_equal('paired', 'baselines', check_keys) }}
    left join gates
        on paired.model_id = gates.model_id
        and rules.window_grain = gates.window_grain
        and paired.window_start = gates.window_start
    left join window_volume
        on paired.model_id = window_volume.model_id
        and paired.model_version = window_volume.model_version
        and rules.window_grain = window_volume.window_grain
        and paired.segment_dimension = window_volume.segment_dimension
        and paired.segment_value = window_volume.segment_value
        and paired.window_start = window_volume.window_start

),

deviations as {{ corridor.materialized_cte() }} (

    select
        *,
        observed_value - expected_value as absolute_deviation,
        (observed_value - expected_value) / nullif(abs(expected_value), 0) as relative_deviation,
        case direction
            when 'higher_is_better' then expected_value - observed_value
            when 'lower_is_better' then observed_value - expected_value
            else abs(observed_value - expected_value)
        end as bad_deviation,
        case when tolerance_unit = 'relative' then warn_tolerance * abs(expected_value) else warn_tolerance end as tol_warn,
        case when tolerance_unit = 'relative' then fail_tolerance * abs(expected_value) else fail_tolerance end as tol_fail,
        {#- +1 when worse means higher, -1 when worse means lower (two-sided: the side the value is on) -#}
        case direction
            when 'higher_is_better' then -1
            when 'lower_is_better' then 1
            when 'two_sided' then case when observed_value < expected_value then -1 else 1 end
        end as bad_sign,
        metric in ({{ corridor.sql_string_list(rate_metrics) }}) as is_rate

    from prepared

),

standard_errors as {{ corridor.materialized_cte() }} (

    select
        *,
        {#-
            The tolerance the detectable deviation of a point kind on a rate
            is solved for: the continuity-corrected count boundary, as the
            verdict on a count of n events only changes at whole counts.
        -#}
        case
            when is_rate and comparison_kind in ('absolute', 'relative') and sample_size > 0 and bad_sign = 1 then
                (floor(sample_size * (expected_value + tol_warn)) + 0.5) / sample_size - expected_value
            when is_rate and comparison_kind in ('absolute', 'relative') and sample_size > 0 then
                expected_value - (ceil(sample_size * (expected_value - tol_warn)) - 0.5) / sample_size
            else tol_warn
        end as tol_warn_detect,
        {%- for name, se in [
            ('check_se', 'observed_se'),
            ('check_se_warn', corridor.production_se_at('expected_value + bad_sign * tol_warn')),
            ('check_se_fail', corridor.production_se_at('expected_value + bad_sign * tol_fail')),
            ('check_se_expected', corridor.production_se_at('expected_value')),
        ] %}
        case comparison_kind
            {%- for kind in kinds %}
            when '{{ kind }}' then {{ corridor.kind_se(kinds[kind], se) }}
            {%- endfor %}
        end as {{ name }},
        {%- endfor %}
        {#- a seasonal baseline rests on few windows: its tests use Student's t (see int_corridor__seasonal_baselines) -#}
        case when comparison_kind = 'seasonal' then (baseline_windows - 1) / 2.0 end as t_df

    from deviations

),

{#-
    The detectable deviation, solved by fixed-point iteration: for rates the
    standard error at the true value being detected grows with the deviation
    (equivalence: at the margin being demonstrated). Five refinements.
-#}
{%- for step in [0, 1, 2, 3, 4, 5] %}
detectable_{{ step }} as {{ corridor.materialized_cte() }} (

    select
        *,
        case comparison_kind
            {%- for kind, k in kinds.items() %}
            {%- if step == 0 %}
                {%- set boundary = 'check_se_expected' if kind == 'equivalence' else 'check_se_warn' %}
                {%- set truth = boundary %}
            {%- else %}
                {%- set moved = corridor.kind_se(kinds[kind], corridor.production_se_at('expected_value + bad_sign * detectable_step_' ~ (step - 1))) %}
                {%- set boundary = moved if kind == 'equivalence' else 'check_se_warn' %}
                {%- set truth = 'check_se_expected' if kind == 'equivalence' else moved %}
            {%- endif %}
            when '{{ kind }}' then {{ k['detectable'].replace('tol_warn', 'tol_warn_detect').replace('{se_boundary}', '(' ~ boundary ~ ')').replace('{se_truth}', '(' ~ truth ~ ')') }}
            {%- endfor %}
        end as detectable_step_{{ step }}

    from {{ 'standard_errors' if step == 0 else 'detectable_' ~ (step - 1) }}

),
{%- endfor %}

{#-
    Rates under the point, statistical and equivalence kinds are tested
    exactly enough for rare events: binomial tails at the tolerance boundary
    (Peizer-Pratt), turned into z statistics; with an offline standard error
    (statistical, equivalence) the z is shrunk by se_production / se_combined.
-#}
rate_boundaries as {{ corridor.materialized_cte() }} (

    select
        *,
        is_rate and sample_size > 0 and observed_value is not null and expected_value is not null
        and comparison_kind in ('absolute', 'relative', 'statistical', 'equivalence') as uses_binomial,
        cast(round(observed_value * sample_size) as {{ double }}) as observed_count,
        {%- for level in ['warn', 'fail'] %}
        least(greatest(expected_value + bad_sign * tol_{{ level }}, 0.5 / nullif(sample_size, 0)), 1 - 0.5 / nullif(sample_size, 0)) as rate_boundary_{{ level }},
        {{ corridor.production_se_at('expected_value + bad_sign * tol_' ~ level) }} / nullif(check_se_{{ level }}, 0) as binomial_shrink_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from detectable_5

),

rate_z as {{ corridor.materialized_cte() }} (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        case when uses_binomial then {{ corridor.binomial_cdf_z_sql('observed_count', 'sample_size', 'rate_boundary_' ~ level) }} end as binomial_z_at_{{ level }},
        case when uses_binomial then {{ corridor.binomial_cdf_z_sql('(observed_count - 1)', 'sample_size', 'rate_boundary_' ~ level) }} end as binomial_z_below_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from rate_boundaries

),

standardized as {{ corridor.materialized_cte() }} (

    {#-
        z_<level>: the breach statistic, p = Phi(-z); eq_z_<level>: the TOST statistic, p = Phi(-eq_z).
        Binomial: bad counts high (bad_sign +1) -> p = P(X >= k) = Phi(-z(k - 1)); bad counts low -> p = P(X <= k).
    -#}
    select
        *,
        {%- for level in ['warn', 'fail'] %}
        case
            when uses_binomial then binomial_shrink_{{ level }} * case when bad_sign = 1 then binomial_z_below_{{ level }} else -binomial_z_at_{{ level }} end
            else {{ corridor.t_to_z_sql('(bad_deviation - tol_' ~ level ~ ') / nullif(check_se_' ~ level ~ ', 0)', 't_df') }}
        end as z_{{ level }},
        case
            when uses_binomial then binomial_shrink_{{ level }} * case when bad_sign = 1 then -binomial_z_at_{{ level }} else binomial_z_below_{{ level }} end
            else {{ corridor.t_to_z_sql('(tol_' ~ level ~ ' - bad_deviation) / nullif(check_se_' ~ level ~ ', 0)', 't_df') }}
        end as eq_z_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from rate_z

),

tests as {{ corridor.materialized_cte() }} (

    select
        *,
        {%- for level in ['warn', 'fail'] %}
        {#- H0: bad deviation <= tolerance. Two-sided rules test both directions (x2, capped at 1). -#}
        case
            when check_se_{{ level }} is null or bad_deviation is null or tol_{{ level }} is null then null
            when check_se_{{ level }} = 0 then case when bad_deviation > tol_{{ level }} then 0.0 else 1.0 end
            else least(1.0, (case when direction = 'two_sided' then 2.0 else 1.0 end) * {{ corridor.normal_upper_tail_sql('z_' ~ level) }})
        end as p_{{ level }},
        {#- TOST, H0: bad deviation >= margin (the larger of the two one-sided p-values is the one against the nearer bound). -#}
        case
            when check_se_{{ level }} is null or bad_deviation is null or tol_{{ level }} is null then null
            when check_se_{{ level }} = 0 then case when bad_deviation < tol_{{ level }} then 0.0 else 1.0 end
            else {{ corridor.normal_upper_tail_sql('eq_z_' ~ level) }}
        end as eq_p_{{ level }}{{ ',' if not loop.last }}
        {%- endfor %}

    from standardized

),

verdicts as {{ corridor.materialized_cte() }} (

    select
        *,
        case comparison_kind
            {%- for kind, k in kinds.items() %}
            when '{{ kind }}' then {{ k['verdict'] }}
            {%- endfor %}
        end as verdict,
        detectable_step_5 as detectable_deviation,
        case comparison_kind
            {%- for kind, k in kinds.items() %}
            when '{{ kind }}' then {{ k['statistic'] }}
            {%- endfor %}
        end as test_statistic,
        case comparison_kind
            {%- for kind, k in kinds.items() %}
            when '{{ kind }}' then {{ k['p_value'] }}
            {%- endfor %}
        end as p_value

    from tests

),

statuses as {{ corridor.materialized_cte() }} (

    select
        *,
        case
            when observed_value is null then 'missing'
            when expected_value is null then 'missing'
            when gate_status = 'fail' and not {{ corridor.label_free_gate_exempt('observation_source', 'gate_failing_checks') }} then 'blocked'
            when observed_method = 'confidence_based_isotonic_shifted' then 'inconclusive'
            when sample_size < coalesce(min_sample_size, 0) then 'inconclusive'
            else verdict
        end as status,
        case
            when observed_value is null then {{ corridor.missing_value_reason('metric', 'sample_size', 'window_request_count') }}
            when expected_value is null and comparison_kind = 'seasonal' then
                'seasonal baseline has ' || cast(coalesce(baseline_windows, 0) as {{ dbt.type_string() }}) || ' of the ' || cast(baseline_min_history as {{ dbt.type_string() }}) || ' same-slot windows it needs'
            when expected_value is null then 'no offline estimate of ' || metric || ' for this model version, segment and window'
            when gate_status = 'fail' and not {{ corridor.label_free_gate_exempt('observation_source', 'gate_failing_checks') }} then
                'the window''s data failed its quality gates (' || gate_failing_checks || '), so a deviation here would be a data incident, not a model finding: '
                || gate_diagnostic
            when observed_method = 'confidence_based_isotonic_shifted' then
                'the window''s score distribution moved away from the label-free reference (is_shifted in corridor_estimator_validation): the label-free estimate is not to be trusted here'
            when sample_size < coalesce(min_sample_size, 0) then
                'sample size ' || cast(sample_size as {{ dbt.type_string() }}) || ' is below the rule''s minimum of ' || cast(min_sample_size as {{ dbt.type_string() }})
        end as gate_reason

    from verdicts

),

explained as {{ corridor.materialized_cte() }} (

    select
        *,
        case comparison_kind
            {%- for kind, k in kinds.items() %}
            when '{{ kind }}' then {{ k['explanation'] }}
            {%- endfor %}
        end as explanation

    from statuses

)

select * from explained
