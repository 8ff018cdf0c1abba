{#-
    The value histograms (int_corridor__value_histograms) of the rolling
    windows (var corridor_rolling_windows): per model version × rolling
    window × segment × family × value (× label for scores), how many events
    of the window's days carry that value, summed from the day cells
    (corridor.rolling_day_cells). Same columns, in the same order, as
    int_corridor__value_histograms, which readers union it with: the exact
    latency quantiles, the order-statistic and Clopper-Pearson intervals and
    the Python bootstrap of a rolling window read it like any window's.
    Empty without rolling windows.
-#}
{%- set keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'family', 'value', 'label'] -%}

with

day_cells as (

    {{ corridor.rolling_day_cells(ref('int_corridor__value_histograms'), keys + ['n_events']) }}

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        family,
        cast(value as {{ corridor.type_double() }}) as value,
        cast(label as {{ dbt.type_int() }}) as label,
        cast(sum(n_events) as {{ dbt.type_bigint() }}) as n_events,
        window_start

    from day_cells
    group by model_id, model_version, window_grain, segment_dimension, segment_value, family, value, label, window_start

)

select * from final
