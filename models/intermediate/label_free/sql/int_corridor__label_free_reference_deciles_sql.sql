{#-
    The reference deciles of the label-free shift test in SQL (corridor_label_free_method
    sql; the Python path's corridor.label_free.decile_edges per segment): per model
    version × segment with reference events × score bin 0..corridor_score_bins, the
    segment's scored reference events in the bin and the bin's decile: equal-frequency
    bins of the segment's reference score distribution, floor(events below the bin /
    all events × 10), at most 9. Read by int_corridor__label_free_shift_sql.
-#}
{{ config(enabled=corridor.label_free_path_enabled('sql')) }}
{%- set segment_keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value'] -%}

with

reference as (

    select * from {{ ref('int_corridor__label_free_reference') }}

),

segment_bins as (

    select
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        score_bin,
        sum(n_scored) as n_scored

    from reference
    group by
        model_id,
        model_version,
        segment_dimension,
        segment_value,
        score_bin

),

score_bin_series as (

    select n from {{ corridor.integer_series(0, corridor.setting('corridor_score_bins')) }} as series

),

segment_grid as (

    select
        segments.*,
        series.n as score_bin

    from (
        select
            model_id,
            model_version,
            segment_dimension,
            segment_value,
            sum(n_scored) as total_scored

        from segment_bins
        group by
            model_id,
            model_version,
            segment_dimension,
            segment_value
        having sum(n_scored) > 0
    ) as segments
    cross join score_bin_series as series

),

bin_deciles as (

    select
        segment_grid.*,
        coalesce(segment_bins.n_scored, 0) as n_scored,
        least(
            floor(
                (
                    sum(coalesce(segment_bins.n_scored, 0))
                        over (
                            partition by {{ 'segment_grid.' ~ segment_keys | join(', segment_grid.') }} order by segment_grid.score_bin
                            rows between unbounded preceding and current row
                        )
                    - coalesce(segment_bins.n_scored, 0)
                ) / segment_grid.total_scored * 10
            ),
            9
        ) as decile

    from segment_grid
    left join segment_bins
        on {{ corridor.keys_equal('segment_grid', 'segment_bins', segment_keys + ['score_bin']) }}

)

select
    model_id,
    model_version,
    segment_dimension,
    segment_value,
    score_bin,
    n_scored,
    decile
from bin_deciles
