{#-
    The label-free calibration map in SQL (corridor_label_free_method sql; the Python
    path's corridor.label_free.fit_isotonic): per model version × fit (`all`, `half_0`) ×
    score bin 0..corridor_score_bins, the calibrated probability: the isotonic fit
    (int_corridor__label_free_isotonic_fit_sql) on bins with labelled events, linear
    interpolation between the nearest fitted bins and flat beyond them elsewhere
    (numpy.interp's arithmetic). For the analytic interval, every bin carries the isotonic
    blocks its value is made of: lower and upper block with their shares (1 and 0 on a
    fitted bin, 1 - t and t between two) and variances.
-#}
{{ config(enabled=corridor.label_free_path_enabled('sql')) }}
{%- set double = corridor.type_double() -%}
{%- set fit_keys = ['model_id', 'model_version', 'fit_sample'] -%}

with

fitted_blocks as (

    select * from {{ ref('int_corridor__label_free_isotonic_fit_sql') }}

),

score_bin_series as (

    select n from {{ corridor.integer_series(0, corridor.setting('corridor_score_bins')) }} as series

),

grid as (

    select
        fits.model_id,
        fits.model_version,
        fits.fit_sample,
        series.n as score_bin

    from (
        select distinct
            model_id,
            model_version,
            fit_sample
        from fitted_blocks
    ) as fits
    cross join score_bin_series as series

),

{# the nearest fitted bins at or below and at or above every bin #}
located as (

    select
        grid.*,
        max(fitted_blocks.score_bin) over (
            partition by grid.model_id, grid.model_version, grid.fit_sample
            order by grid.score_bin rows between unbounded preceding and current row
        ) as lower_bin,
        min(fitted_blocks.score_bin) over (
            partition by grid.model_id, grid.model_version, grid.fit_sample order by grid.score_bin
            rows between current row and unbounded following
        ) as upper_bin

    from grid
    left join fitted_blocks
        on {{ corridor.keys_equal('grid', 'fitted_blocks', fit_keys + ['score_bin']) }}

),

ends as (

    select
        located.*,
        coalesce(lower_fit.fitted_rate, upper_fit.fitted_rate) as lower_rate,
        coalesce(upper_fit.fitted_rate, lower_fit.fitted_rate) as upper_rate,
        coalesce(lower_fit.block_id, upper_fit.block_id) as lower_block,
        coalesce(upper_fit.block_id, lower_fit.block_id) as upper_block,
        coalesce(lower_fit.block_variance, upper_fit.block_variance) as lower_block_variance,
        coalesce(upper_fit.block_variance, lower_fit.block_variance) as upper_block_variance,
        located.lower_bin is not null and located.upper_bin is not null and located.lower_bin < located.upper_bin as is_between

    from located
    left join fitted_blocks as lower_fit
        on {{ corridor.keys_equal('located', 'lower_fit', fit_keys) }}
        and located.lower_bin = lower_fit.score_bin
    left join fitted_blocks as upper_fit
        on {{ corridor.keys_equal('located', 'upper_fit', fit_keys) }}
        and located.upper_bin = upper_fit.score_bin

),

final as (

    select
        model_id,
        model_version,
        fit_sample,
        cast(score_bin as {{ dbt.type_int() }}) as score_bin,
        cast(
            case
                when is_between
                    then (upper_rate - lower_rate)
                    / cast(upper_bin - lower_bin as {{ double }})
                    * cast(score_bin - lower_bin as {{ double }})
                    + lower_rate
                else lower_rate
            end as {{ double }}
        ) as calibrated_rate,
        cast(lower_block as {{ dbt.type_int() }}) as lower_block,
        cast(upper_block as {{ dbt.type_int() }}) as upper_block,
        cast(
            case when is_between then (upper_bin - score_bin) / cast(upper_bin - lower_bin as {{ double }}) else 1 end as {{ double }}
        ) as lower_share,
        cast(
            case when is_between then (score_bin - lower_bin) / cast(upper_bin - lower_bin as {{ double }}) else 0 end as {{ double }}
        ) as upper_share,
        cast(lower_block_variance as {{ double }}) as lower_block_variance,
        cast(upper_block_variance as {{ double }}) as upper_block_variance

    from ends

)

select * from final
