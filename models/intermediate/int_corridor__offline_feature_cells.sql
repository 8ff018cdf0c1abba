{#-
    The accepted backtest rows (the offline evaluation input) summed into
    their joint feature cells (corridor.feature_cells, in the drift code's
    bins), per model version × segment (every value of every dimension of
    corridor_segment_columns, and all traffic): offline_weight (the rows'
    weight sum) and the sufficient statistics of the label metrics
    (corridor.weighted_label_statistics `cells`, exact decimals, summable).
    Summed once into fine cells (model version × every segment column ×
    feature cell) and rolled up, so the cost grows with rows once and then
    with cells × segments. Read by int_corridor__offline_feature_weights
    (the backtest's cell shares) and int_corridor__offline_feature_adjusted
    (the reweighted statistics). Empty without corridor_feature_columns.
-#}
{%- set features = corridor.feature_columns() -%}
{%- set segments = corridor.segment_dimensions() -%}
{%- set measures = [['offline_weight', 'sum(weight)', 'sum']] + corridor.weighted_label_statistics('weight')['rollup'] -%}
{%- set row_columns = ['model_id', 'model_version'] + corridor.segment_column_names(segments) -%}
{%- do row_columns.extend(['weight', 'is_evaluable', 'label', 'predicted_class', 'log_loss_term', 'brier_term', 'abs_error',
    'squared_error']) %}

with
{%- if features | length > 0 %}

bins as (

    select * from {{ ref('int_corridor__feature_reference_bins') }}

),
{%- endif %}

backtest_rows as (

    select * from {{ ref('int_corridor__offline_evaluation_checked') }}
    where is_accepted

),

rows_with_cells as (

    {{ corridor.feature_cells('backtest_rows', 'bins', features, row_columns) }}

),

{{ corridor.segment_rollup('rows_with_cells', ['model_id', 'model_version'], segments, ['cell_key'], measures, 'final') }}

select * from final
