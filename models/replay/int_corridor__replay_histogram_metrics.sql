{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        on_schema_change='fail',
        pre_hook="{{ corridor.replay_stale_rows_delete(
            'select as_of, model_id, model_version, window_grain, window_start, invocation_id as histograms_invocation_id'
                ~ ' from ' ~ ref('int_corridor__replay_score_histograms'),
            ['as_of', 'model_id', 'model_version', 'window_grain', 'window_start', 'histograms_invocation_id'],
            'histograms_invocation_id',
        ) }}",
    )
}}
{#-
    AUC (with its Hanley-McNeil standard error) and expected calibration
    error of each window as of each replay point, from the as-of score
    histograms (int_corridor__replay_score_histograms), by the steps the
    build's int_corridor__production_histogram_metrics takes
    (corridor.histogram_metric_ctes): one row per as_of × model version ×
    grain × window × segment.

    Incremental: computes only the windows whose histograms it does not hold
    with the invocation that computed them (histograms_invocation_id); the
    pre-hook corridor.replay_stale_rows_delete removes the others.
-#}
{#- a window's histograms are computed whole by one invocation (invocation_id) -#}
{%- set window_keys = ['as_of', 'model_id', 'model_version', 'window_grain', 'window_start'] %}
{%- set keys = window_keys + ['segment_dimension', 'segment_value', 'invocation_id'] %}

with

histograms as (

    select source_histograms.*
    from {{ ref('int_corridor__replay_score_histograms') }} as source_histograms
    {%- if is_incremental() and not corridor.missing_stored_columns(['histograms_invocation_id']) %}
    left join (
        select distinct {{ window_keys | join(', ') }}, histograms_invocation_id
        from {{ this }}
    ) as kept
        on {{ corridor.keys_equal('source_histograms', 'kept', window_keys) }}
        and source_histograms.invocation_id = kept.histograms_invocation_id
    where kept.as_of is null
    {%- endif %}

),

by_score_bin as (

    select
        {{ keys | join(',\n        ') }},
        score_bin,
        sum(n_positive) as n_positive,
        sum(n_negative) as n_negative

    from histograms
    group by {{ range(1, keys | length + 2) | join(', ') }}

),

{{ corridor.histogram_metric_ctes('by_score_bin', 'histograms', keys) }},

final as (

    select
        as_of,
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        window_start,
        cast(n_positive + n_negative as {{ dbt.type_bigint() }}) as hist_n_evaluated,
        auc,
        auc_standard_error,
        expected_calibration_error,
        cast(invocation_id as {{ dbt.type_string() }}) as histograms_invocation_id

    from histogram_metrics

)

select * from final
