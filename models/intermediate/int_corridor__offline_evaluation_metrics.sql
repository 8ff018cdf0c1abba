{#-
    Offline estimates computed by corridor from the backtest rows (the
    accepted rows of the offline evaluation input): one row per model
    version × label metric × segment (every value of every dimension of
    corridor_segment_columns, and all traffic), with the SAME definitions as
    production: the statistics of corridor.label_metric_statistics (summed
    with the rows' frequency weights, corridor.weighted_label_statistics)
    turned into values, standard errors and intervals by
    corridor.metric_definitions and corridor.metric_row_sql. The rows are
    summed once into fine cells (model version × every segment column) and
    rolled up from those, so the cost grows with rows once and then with
    groups. AUC and expected calibration error (binary classifiers) come
    from the rows' score histograms, int_corridor__offline_evaluation_histograms,
    with production's definitions too. Aligned to windows by
    int_corridor__offline_evaluation_aligned.
-#}
{%- set level = corridor.setting('corridor_confidence_level') %}

with

backtest_rows as (

    select * from {{ ref('int_corridor__offline_evaluation_checked') }}
    where is_accepted

),

{{ corridor.backtest_rollup_ctes('backtest_rows', 'evaluation_id', 'weight', 'rolled_up') }},

histogram_metrics as (

    select * from {{ ref('int_corridor__offline_evaluation_histograms') }}

),

stats as (

    select
        rolled_up.model_id,
        rolled_up.model_version,
        rolled_up.segment_dimension,
        rolled_up.segment_value,
        case
            when rolled_up.first_evaluation_id = rolled_up.last_evaluation_id then rolled_up.first_evaluation_id
            else rolled_up.first_evaluation_id || '..' || rolled_up.last_evaluation_id
        end as evaluation_dataset_id,
        rolled_up.n_rows,
        {{ corridor.aliased_expressions(corridor.weighted_label_statistics('weight')['final']) }},
        histogram_metrics.hist_n_evaluated,
        histogram_metrics.auc,
        histogram_metrics.auc_standard_error,
        histogram_metrics.expected_calibration_error

    from rolled_up
    left join histogram_metrics
        on {{ corridor.keys_equal('rolled_up', 'histogram_metrics', ['model_id', 'model_version', 'segment_dimension', 'segment_value']) }}

),

metric_rows as (

    {{ corridor.offline_evaluation_metric_rows(
        corridor.backtest_metric_definitions(from_rows=true, from_histograms=true), corridor.z_for_level(level), level
    ) }}

),

final as (

    select
        {{ dbt.concat(["'offline_evaluation:'", 'model_version', "':'", 'metric', "':'", 'segment_dimension', "'='", 'segment_value']) }}
            as estimate_id,
        *

    from metric_rows
    where expected_value is not null

)

select * from final
