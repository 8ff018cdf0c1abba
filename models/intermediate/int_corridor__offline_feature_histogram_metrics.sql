{#-
    AUC and expected calibration error of the backtest reweighted to each
    window's production feature mix (source offline_feature_adjusted), per
    model version × grain of corridor_histogram_metric_grains × window ×
    segment: each feature cell's score histogram
    (int_corridor__offline_feature_histograms) weighted by the cell's
    importance weight w_c (int_corridor__offline_feature_weights), so every
    pair of a positive in cell c and a negative in cell d counts w_c × w_d.
    AUC: the Mann-Whitney statistic over score bins on the weighted counts
    (corridor.binned_auc); its standard error Hanley & McNeil's
    (corridor.auc_standard_error) on the effective counts of positives and
    negatives, n_eff = (sum w)^2 / sum w^2 per class (Kish); ECE: the summed
    calibration gaps of the weighted bins (corridor.calibration_gap) over the
    weighted count. sample_size is the window's effective sample size, as for
    the other metrics of the source. Windows with production traffic outside
    the backtest's cells get no row. Rows in the shape of
    int_corridor__offline_feature_adjusted's metric rows, which unions them.
-#}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set z = corridor.z_for_level(level) -%}
{%- set grains = corridor.setting('corridor_histogram_metric_grains') | select('in', corridor.setting('corridor_window_grains')) | list -%}
{%- set metrics = corridor.backtest_metric_definitions(from_histograms=true) -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}
{%- set cell_keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'cell_key'] %}

with

weights as (

    select * from {{ ref('int_corridor__offline_feature_weights') }}
    where {{ corridor.all_conditions([
        'weight > 0',
        'window_grain in (' ~ corridor.sql_string_list(grains) ~ ')' if grains else '1 = 0',
    ]) }}

),

histograms as (

    select * from {{ ref('int_corridor__offline_feature_histograms') }}

),

covered_windows as (

    select
        {{ keys | join(',\n        ') }},
        max(effective_sample_size) as effective_sample_size

    from {{ ref('int_corridor__offline_feature_weights') }}
    group by {{ keys | join(', ') }}
    having max(uncovered_share) = 0

),

weighted as (

    select
        {%- for key in keys %}
        weights.{{ key }},
        {%- endfor %}
        histograms.score_bin,
        histograms.calibration_bin,
        sum(weights.weight * cast(histograms.n_positive as {{ corridor.type_double() }})) as n_positive,
        sum(weights.weight * cast(histograms.n_negative as {{ corridor.type_double() }})) as n_negative,
        sum(weights.weight * cast(histograms.score_sum as {{ corridor.type_double() }})) as score_sum,
        sum(weights.weight * weights.weight * cast(histograms.n_positive as {{ corridor.type_double() }})) as n_positive_w2,
        sum(weights.weight * weights.weight * cast(histograms.n_negative as {{ corridor.type_double() }})) as n_negative_w2

    from weights
    inner join histograms
        on {{ corridor.keys_equal('weights', 'histograms', cell_keys) }}
    group by
        {%- for key in keys %}
        weights.{{ key }},
        {%- endfor %}
        histograms.score_bin, histograms.calibration_bin

),

by_score_bin as (

    select
        {{ keys | join(',\n        ') }},
        score_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative,
        sum(n_positive_w2) as n_positive_w2,
        sum(n_negative_w2) as n_negative_w2

    from weighted
    group by {{ keys | join(', ') }}, score_bin

),

{# with the effective counts of positives and negatives (Kish) for Hanley & McNeil's error #}
{{ corridor.histogram_metric_ctes('by_score_bin', 'weighted', keys, extra_columns=[
    'sum(n_positive) * sum(n_positive) / nullif(sum(n_positive_w2), 0) as n_positive_effective',
    'sum(n_negative) * sum(n_negative) / nullif(sum(n_negative_w2), 0) as n_negative_effective',
]) }},

stats as (

    select
        {%- for key in keys %}
        auc.{{ key }},
        {%- endfor %}
        covered_windows.effective_sample_size as hist_n_evaluated,
        auc.auc,
        {{ corridor.auc_standard_error('auc.auc', 'auc.n_positive_effective', 'auc.n_negative_effective') }} as auc_standard_error,
        calibration.calibration_gap_sum / nullif(auc.n_positive + auc.n_negative, 0) as expected_calibration_error

    from auc
    inner join covered_windows
        on {{ corridor.keys_equal('auc', 'covered_windows', keys) }}
    inner join calibration
        on {{ corridor.keys_equal('auc', 'calibration', keys) }}

),

final as (

    {%- for m in metrics %}
    {%- set row = corridor.metric_row_sql(m, z, level) %}
    select
        {{ keys | join(',\n        ') }},
        {{ corridor.sql_string(m['name']) }} as metric,
        {{ corridor.sql_string(row['method']) }} as method,
        {{ corridor.sql_string(row['interval_method']) if row['interval_method'] else 'null' }} as interval_method,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as expected_value,
        cast({{ corridor.round_half_away(row['n']) }} as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] or 'null' }} as {{ corridor.type_double() }}) as standard_error,
        cast({{ row['lower'] or 'null' }} as {{ corridor.type_double() }}) as interval_lower,
        cast({{ row['upper'] or 'null' }} as {{ corridor.type_double() }}) as interval_upper,
        cast({{ row['confidence_level'] or 'null' }} as {{ corridor.type_double() }}) as confidence_level

    from stats
    {{ 'union all' if not loop.last }}
    {%- endfor %}
    {%- if not metrics %}
    select
        {{ keys | join(',\n        ') }},
        {%- for column in ['metric', 'method', 'interval_method'] %}
        cast(null as {{ dbt.type_string() }}) as {{ column }},
        {%- endfor %}
        cast(null as {{ corridor.type_double() }}) as expected_value,
        cast(null as {{ dbt.type_bigint() }}) as sample_size,
        {%- for column in ['standard_error', 'interval_lower', 'interval_upper', 'confidence_level'] %}
        cast(null as {{ corridor.type_double() }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from stats
    where 1 = 0
    {%- endif %}

)

select * from final
