{#-
    The score histograms of the backtest rows (the accepted rows of the
    offline evaluation input) per joint feature cell (corridor.feature_cells,
    the drift code's bins), model version and segment (every value of every
    dimension of corridor_segment_columns, and all traffic): positive and
    negative weight sums and the weighted score sum per score bin
    (corridor.score_bin) × calibration bin (corridor.calibration_bin), as
    int_corridor__offline_evaluation_histograms has them per segment, split by
    feature cell. Summed once into fine cells and rolled up
    (corridor.segment_rollup). Read by
    int_corridor__offline_feature_histogram_metrics, which weights each cell
    by its importance weight in every window. Empty for regression models or
    without corridor_feature_columns.
-#}
{%- set features = corridor.feature_columns() -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set row_columns = ['model_id', 'model_version'] + corridor.segment_column_names(segments) -%}
{%- do row_columns.extend(['weight', 'label', 'predicted_score']) -%}
{%- set measures = [
    ['n_positive', corridor.exact_decimal_sum('case when label = 1 then weight else 0 end', 12), 'sum'],
    ['n_negative', corridor.exact_decimal_sum('case when label = 1 then 0 else weight end', 12), 'sum'],
    ['score_sum', corridor.exact_decimal_sum('weight * predicted_score', 12), 'sum'],
] %}

with
{%- if features | length > 0 %}

bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),
{%- endif %}

backtest_rows as (

    select * from {{ ref('int_corridor__offline_evaluation_checked') }}
    where {{ corridor.all_conditions([
        'is_accepted', '1 = 0' if corridor.setting('corridor_model_type') != 'binary_classifier' else none
    ]) }}

),

rows_with_cells as (

    {{ corridor.feature_cells('backtest_rows', 'bins', features, row_columns) }}

),

binned as (

    select
        *,
        {{ corridor.score_bin('predicted_score') }} as score_bin,
        {{ corridor.calibration_bin('predicted_score') }} as calibration_bin

    from rows_with_cells

),

{{ corridor.segment_rollup('binned', ['model_id', 'model_version'], segments, ['cell_key', 'score_bin', 'calibration_bin'],
    measures, 'final') }}

select * from final
