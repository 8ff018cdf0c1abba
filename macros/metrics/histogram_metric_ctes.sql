{#-
    corridor.histogram_metric_ctes(by_score_bin, histograms, keys, extra_columns=[], n_positive='n_positive',
    n_negative='n_negative', score_sum='score_sum', standard_error_counts=none): the CTEs (no leading
    `with`) that turn score histograms into each group's AUC and calibration
    gap, the steps production and the backtest share:
      with_negatives_below  the rows of `by_score_bin` (one per group `keys`
                            × score_bin, with its positive and negative
                            counts) with n_negative_below
                            (corridor.negatives_below);
      auc_parts             one row per group: the keys, n_positive and
                            n_negative summed (as doubles), `extra_columns`
                            (SQL `expression as name` aggregates over the
                            rows, e.g. effective counts) and
                            twice_concordant_pairs;
      by_calibration_bin    the rows of `histograms` (with calibration_bin and
                            the score sum) per group × calibration bin with
                            its calibration_gap (corridor.calibration_gap);
      calibration           one row per group: calibration_gap_sum (a double;
                            ECE is calibration_gap_sum / n);
      auc                   auc_parts with auc, the Mann-Whitney statistic
                            over score bins (corridor.binned_auc);
      histogram_metrics     one row per group: the keys, n_positive,
                            n_negative, auc, auc_standard_error (Hanley &
                            McNeil, corridor.auc_standard_error, from the two
                            columns of auc named by standard_error_counts,
                            default the counts; e.g. effective counts of
                            extra_columns) and expected_calibration_error
                            (calibration_gap_sum / n).
    n_positive, n_negative and score_sum are the columns of the two relations it
    reads (the sums keep their names); rows are grouped on `keys`, in order.
    Used by int_corridor__production_histogram_metrics, int_corridor__replay_histogram_metrics,
    int_corridor__offline_evaluation_histograms and
    int_corridor__offline_feature_histogram_metrics.
-#}
{% macro histogram_metric_ctes(by_score_bin, histograms, keys, extra_columns=[], n_positive='n_positive', n_negative='n_negative',
    score_sum='score_sum', standard_error_counts=none) %}
    {{ return(adapter.dispatch('histogram_metric_ctes', 'corridor')(by_score_bin, histograms, keys, extra_columns, n_positive, n_negative,
        score_sum, standard_error_counts)) }}
{% endmacro %}

{% macro default__histogram_metric_ctes(by_score_bin, histograms, keys, extra_columns=[], n_positive='n_positive',
    n_negative='n_negative', score_sum='score_sum', standard_error_counts=none) -%}
{%- set se_positive, se_negative = standard_error_counts or [n_positive, n_negative] -%}
{%- set double = corridor.type_double() -%}
{%- set group_by -%}
{% for key in keys %}{{ loop.index }}{{ ', ' if not loop.last }}{% endfor %}
{%- endset -%}
with_negatives_below as (

    select
        *,
        {{ corridor.negatives_below(keys, n_negative) }}
            as n_negative_below

    from {{ by_score_bin }}

),

auc_parts as (

    select
        {{ keys | join(',\n        ') }},
        cast(sum({{ n_positive }}) as {{ double }}) as {{ n_positive }},
        cast(sum({{ n_negative }}) as {{ double }}) as {{ n_negative }},
        {%- for column in extra_columns %}
        {{ column }},
        {%- endfor %}
        sum({{ n_positive }} * (2 * n_negative_below + {{ n_negative }})) as twice_concordant_pairs

    from with_negatives_below
    group by {{ group_by }}

),

by_calibration_bin as (

    select
        {{ keys | join(',\n        ') }},
        calibration_bin,
        {{ corridor.calibration_gap(score_sum, n_positive) }} as calibration_gap

    from {{ histograms }}
    group by {{ group_by }}, {{ keys | length + 1 }}

),

calibration as (

    select
        {{ keys | join(',\n        ') }},
        cast(sum(calibration_gap) as {{ double }}) as calibration_gap_sum

    from by_calibration_bin
    group by {{ group_by }}

),

auc as (

    select
        *,
        {{ corridor.binned_auc('twice_concordant_pairs', n_positive, n_negative) }} as auc

    from auc_parts

),

histogram_metrics as (

    select
        auc.{{ keys | join(',\n        auc.') }},
        auc.{{ n_positive }},
        auc.{{ n_negative }},
        auc.auc,
        {{ corridor.auc_standard_error('auc.auc', 'auc.' ~ se_positive, 'auc.' ~ se_negative) }} as auc_standard_error,
        calibration.calibration_gap_sum / nullif(auc.{{ n_positive }} + auc.{{ n_negative }}, 0) as expected_calibration_error

    from auc
    inner join calibration
        on {{ corridor.keys_equal('auc', 'calibration', keys) }}

)
{%- endmacro %}
