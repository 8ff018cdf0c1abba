{#-
    The label-free expected accuracy, precision, recall, f1 and auc in SQL
    (corridor_label_free_method sql; the columns of the Python model
    int_corridor__label_free_estimates and its point estimates): per model
    version × grain × segment × window, the expected confusion matrix of its
    events under the calibration map (int_corridor__label_free_calibration_map_sql,
    fit `all`), the five metrics (AUC ranking by score bin, a bin's events
    tied), PSI and the shift flag (int_corridor__label_free_shift_sql).

    The interval is analytic (docs/label-free.md#intervals): the delta method
    over the positives of every score bin × predicted class row r (a metric's
    gradient g_r by its expected positives), with the variance of the labels
    still to come, sum g_r^2 n_r p_r (1 - p_r), plus the calibration map's,
    sum over isotonic blocks B of (sum_r g_r n_r share_rB)^2 m_B (1 - m_B) / W_B;
    metric ± z × standard error, clipped to [0, 1].
-#}
{{ config(enabled=corridor.label_free_path_enabled('sql')) }}
{%- set group_keys = ['model_id', 'model_version', 'window_grain', 'segment_dimension', 'segment_value', 'window_start'] -%}
with

cells as (

    select * from {{ ref('int_corridor__label_free_cells_sql') }}

),

shift as (

    select * from {{ ref('int_corridor__label_free_shift_sql') }}

),

reference_sizes as (

    select
        model_id,
        model_version,
        sum(n_events) as reference_size

    from {{ ref('int_corridor__label_free_reference') }}
    where segment_dimension = 'all'
    group by
        model_id,
        model_version
    having sum(n_events) > 0

),

totals as (

    select
        {{ group_keys | join(',\n        ') }},
        sum(n_events) as sample_size,
        sum(case when predicted_class = 1 then positives else 0 end) as tp,
        sum(case when predicted_class = 1 then n_events else 0 end) as predicted_positive,
        sum(case when predicted_class = 1 then 0 else positives end) as fn,
        sum(case when predicted_class = 1 then 0 else n_events end) as predicted_negative,
        sum(positives) as auc_positives,
        sum(n_events - positives) as auc_negatives,
        {# AUC: a row's positives rank above the negatives of lower bins and tie with its own bin's #}
        sum(positives * (negatives_below + 0.5 * bin_negatives)) / nullif(sum(positives) * sum(n_events - positives), 0) as auc

    from cells
    group by {{ group_keys | join(', ') }}

),

points as (

    select
        *,
        (tp + predicted_negative - fn) / nullif(sample_size, 0) as accuracy,
        tp / nullif(predicted_positive, 0) as precision,
        tp / nullif(tp + fn, 0) as recall,
        2 * tp / nullif(tp + predicted_positive + fn, 0) as f1

    from totals

),

{# each row's gradient of the five metrics by its expected positives #}
gradients as (

    select
        {{ 'cells.' ~ group_keys | join(',\n        cells.') }},
        cells.n_events * cells.p * (1 - cells.p) as label_variance,
        cells.n_events * cells.lower_share as lower_weight,
        cells.n_events * cells.upper_share as upper_weight,
        cells.lower_block,
        cells.upper_block,
        cells.lower_block_variance,
        cells.upper_block_variance,
        {{ corridor.label_free_metric_gradients('cells.predicted_class', 'points', 'cells') }}

    from cells
    inner join points
        on {{ corridor.keys_equal('cells', 'points', group_keys) }}

),

{# every row's part of a metric's derivative by each isotonic block's rate #}
block_terms as (

    {{ corridor.label_free_block_terms('gradients', group_keys) }}

),

map_variances as (

    {{ corridor.label_free_map_variances('block_terms', group_keys) }}

),

label_variances as (

    {{ corridor.label_free_label_variances('gradients', group_keys) }}

),

metric_names as (

    {{ corridor.metric_name_rows(corridor.label_free_sql_metrics()) }}

),

unpivoted as (

    select
        {{ 'points.' ~ group_keys | join(',\n        points.') }},
        metric_names.metric,
        points.sample_size,
        reference_sizes.reference_size,
        {{ corridor.label_free_metric_value('metric_names.metric', 'points') }} as metric_value,
        sqrt({{ corridor.label_free_metric_variance('metric_names.metric', 'label_variances', 'map_variances') }}) as standard_error

    from points
    inner join reference_sizes
        on points.model_id = reference_sizes.model_id
        and points.model_version = reference_sizes.model_version
    inner join label_variances
        on {{ corridor.keys_equal('points', 'label_variances', group_keys) }}
    inner join map_variances
        on {{ corridor.keys_equal('points', 'map_variances', group_keys) }}
    cross join metric_names

),

final as (

    select
        unpivoted.model_id,
        unpivoted.model_version,
        unpivoted.window_grain,
        unpivoted.segment_dimension,
        unpivoted.segment_value,
        unpivoted.window_start,
        unpivoted.metric,
        cast(unpivoted.metric_value as {{ corridor.type_double() }}) as metric_value,
        cast(unpivoted.standard_error as {{ corridor.type_double() }}) as standard_error,
        cast(
            greatest(0, unpivoted.metric_value - {{ corridor.confidence_z() }} * unpivoted.standard_error) as {{ corridor.type_double() }}
        ) as interval_lower,
        cast(
            least(1, unpivoted.metric_value + {{ corridor.confidence_z() }} * unpivoted.standard_error) as {{ corridor.type_double() }}
        ) as interval_upper,
        cast({{ corridor.setting('corridor_confidence_level') }} as {{ corridor.type_double() }}) as confidence_level,
        cast(unpivoted.sample_size as {{ dbt.type_bigint() }}) as sample_size,
        cast(unpivoted.reference_size as {{ dbt.type_bigint() }}) as reference_size,
        shift.score_psi,
        shift.shift_p_value,
        shift.shift_reason is not null as is_shifted,
        shift.shift_reason

    from unpivoted
    inner join shift
        on {{ corridor.keys_equal('unpivoted', 'shift', group_keys) }}

)

select * from final
