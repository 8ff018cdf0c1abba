{#-
    The counterfactual offline estimate by features: the backtest rows
    reweighted so that their joint feature-bin distribution matches this
    window's production (importance weights of
    int_corridor__offline_feature_weights, capped at
    corridor_feature_weight_cap), one row per model version × label metric
    × grain × window × segment (every value of every dimension of
    corridor_segment_columns, and all traffic: the segment's backtest rows
    reweighted to the segment's production). The backtest's statistics are
    summed once per feature cell × segment
    (int_corridor__offline_feature_cells, corridor.weighted_label_statistics),
    then weighted per window: X = sum_c w_c X_c and X__w2 = sum_c w_c^2 X_c,
    so the cost grows with cells × segments × windows, not rows × windows. Values use the production
    definitions (corridor.metric_definitions), standard errors the
    linearized error of the weighted estimate (corridor.weighted_metric_row_sql);
    sample_size is the effective sample size. A window with production
    traffic in a cell the backtest does not cover gets no row (it cannot be
    reweighted): rules reading this source are `missing` there. AUC and
    expected calibration error (the histogram grains) come from the cells'
    weighted score histograms, int_corridor__offline_feature_histogram_metrics.
    Published as
    source `offline_feature_adjusted` in corridor_metric_observations
    (docs/offline-evaluation.md).
-#}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set z = corridor.z_for_level(level) -%}
{%- set statistics = corridor.weighted_label_statistics('weight') -%}
{%- set metrics = corridor.backtest_metric_definitions(from_rows=true) -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}
{%- set cell_keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'cell_key'] %}

with

weights as (

    {#- a cell of weight 0 (no production traffic in the window) adds nothing; a covered window has cells of
        positive weight (its traffic is in backtest cells, and the cap is at least 1) #}
    select * from {{ ref('int_corridor__offline_feature_weights') }}
    where weight > 0

),

cell_sums as (

    select * from {{ ref('int_corridor__offline_feature_cells') }}

),

cell_stats as (

    select
        {{ cell_keys | join(',\n        ') }},
        {%- for name, expression in statistics['final'] %}
        {{ expression }} as {{ name }}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}

    from cell_sums

),

covered_windows as (

    select
        {{ keys | join(',\n        ') }},
        max(effective_sample_size) as effective_sample_size

    from weights
    group by {{ keys | join(', ') }}
    having max(uncovered_share) = 0

),

stats as (

    select
        {%- for key in keys %}
        weights.{{ key }},
        {%- endfor %}
        {%- for name, expression in statistics['final'] %}
        sum(weights.weight * cell_stats.{{ name }}) as {{ name }},
        sum(weights.weight * weights.weight * cell_stats.{{ name }}) as {{ name }}__w2,
        {%- endfor %}
        max(covered_windows.effective_sample_size) as effective_sample_size

    from weights
    inner join covered_windows
        on {{ corridor.keys_equal('weights', 'covered_windows', keys) }}
    inner join cell_stats
        on {{ corridor.keys_equal('weights', 'cell_stats', cell_keys) }}
    group by
        weights.{{ keys | join(',\n        weights.') }}

),

metric_rows as (

    {%- for m in metrics %}
    {%- set row = corridor.weighted_metric_row_sql(m, z, level) %}
    select
        {{ keys | join(',\n        ') }},
        {{ corridor.sql_string(m['name']) }} as metric,
        {{ corridor.sql_string(row['method']) }} as method,
        {{ corridor.sql_string(row['interval_method']) }} as interval_method,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as expected_value,
        cast({{ corridor.round_half_away('effective_sample_size') }} as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] }} as {{ corridor.type_double() }}) as standard_error,
        cast({{ row['lower'] }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ row['upper'] }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ row['confidence_level'] }} as {{ corridor.type_double() }}) as confidence_level

    from stats
    union all
    {%- endfor %}

    {#- AUC and expected calibration error: the cells' score histograms, weighted #}
    select * from {{ ref('int_corridor__offline_feature_histogram_metrics') }}

),

final as (

    select
        {{ dbt.concat(["'offline_feature_adjusted:'", 'model_version', "':'", 'metric', "':'", 'segment_dimension', "'='",
            'segment_value']) }} as estimate_id,
        *

    from metric_rows
    where expected_value is not null

)

select * from final
