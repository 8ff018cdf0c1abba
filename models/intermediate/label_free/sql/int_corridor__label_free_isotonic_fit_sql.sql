{#-
    The isotonic fit of the label-free calibration in SQL (corridor_label_free_method sql;
    the Python path's corridor.label_free.pool_adjacent_violators): per model version × fit
    (`all`: every labelled reference event of overall traffic, for the estimate; `half_0`:
    half 0, for the reliability check) × score bin with labelled events, the fitted rate by
    the closed form of isotonic regression: fitted(i) = max over j <= i of min over k >= i of
    the pooled rate of bins j..k (cumulative sums give every pooled rate; the inner min is a
    window min, the outer max a group by). Its isotonic block (a run of bins of one fitted
    rate, to 1e-12) and the block's variance m (1 - m) / W (rate m over W labelled events),
    for the analytic interval. Read by int_corridor__label_free_calibration_map_sql.
-#}
{{ config(enabled=corridor.label_free_path_enabled('sql')) }}
{%- set fit_keys = ['model_id', 'model_version', 'fit_sample'] -%}

with

reference as (

    select * from {{ ref('int_corridor__label_free_reference') }}
    where segment_dimension = 'all'

),

{# the two fits: every labelled reference event (the estimate), and half 0 (the reliability check) #}
fits as (

    select 'all' as fit_sample
    union all
    select 'half_0' as fit_sample

),

fit_bins as (

    select
        reference.model_id,
        reference.model_version,
        fits.fit_sample,
        reference.score_bin,
        sum(reference.n_events) as n_events,
        sum(reference.n_positive) as n_positive

    from reference
    cross join fits
    where fits.fit_sample = 'all' or reference.half = 0
    group by
        reference.model_id,
        reference.model_version,
        fits.fit_sample,
        reference.score_bin

),

kept as (

    select
        *,
        sum(n_events)
            over (partition by model_id, model_version, fit_sample order by score_bin rows between unbounded preceding and current row)
            as cum_events,
        sum(n_positive)
            over (partition by model_id, model_version, fit_sample order by score_bin rows between unbounded preceding and current row)
            as cum_positives

    from fit_bins
    where n_events > 0

),

{# every run of fitted bins first_bin..last_bin with its pooled positive rate #}
runs as (

    select
        starts.model_id,
        starts.model_version,
        starts.fit_sample,
        starts.score_bin as first_bin,
        ends.score_bin as last_bin,
        (ends.cum_positives - starts.cum_positives + starts.n_positive)
        / (ends.cum_events - starts.cum_events + starts.n_events) as pooled_rate

    from kept as starts
    inner join kept as ends
        on {{ corridor.keys_equal('starts', 'ends', fit_keys) }}
        and starts.score_bin <= ends.score_bin

),

{# min over k >= i of the pooled rate of j..k, for every j <= i (i = last_bin) #}
suffix_minima as (

    select
        model_id,
        model_version,
        fit_sample,
        last_bin,
        min(pooled_rate) over (
            partition by model_id, model_version, fit_sample, first_bin
            order by last_bin desc rows between unbounded preceding and current row
        ) as suffix_min

    from runs

),

fitted as (

    select
        suffix_minima.model_id,
        suffix_minima.model_version,
        suffix_minima.fit_sample,
        suffix_minima.last_bin as score_bin,
        max(suffix_minima.suffix_min) as fitted_rate

    from suffix_minima
    group by
        suffix_minima.model_id,
        suffix_minima.model_version,
        suffix_minima.fit_sample,
        suffix_minima.last_bin

),

{# isotonic blocks: runs of fitted bins whose fitted rates are equal (to 1e-12) #}
block_starts as (

    select
        fitted.*,
        kept.n_events,
        kept.n_positive,
        case
            when
                fitted.fitted_rate - lag(fitted.fitted_rate) over (
                    partition by fitted.model_id, fitted.model_version, fitted.fit_sample order by fitted.score_bin
                ) <= 1e-12
                then 0
            else 1
        end as starts_block

    from fitted
    inner join kept
        on {{ corridor.keys_equal('fitted', 'kept', fit_keys + ['score_bin']) }}

),

numbered as (

    select
        *,
        sum(starts_block)
            over (partition by model_id, model_version, fit_sample order by score_bin rows between unbounded preceding and current row)
            as block_id

    from block_starts

),

fitted_blocks as (

    select
        model_id,
        model_version,
        fit_sample,
        score_bin,
        fitted_rate,
        block_id,
        sum(n_positive) over block_rows / sum(n_events) over block_rows
        * (1 - sum(n_positive) over block_rows / sum(n_events) over block_rows)
        / sum(n_events) over block_rows as block_variance

    from numbered
    window block_rows as (partition by model_id, model_version, fit_sample, block_id)

)

select * from fitted_blocks
