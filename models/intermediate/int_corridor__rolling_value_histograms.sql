{#-
    The value histograms (int_corridor__value_histograms) of the rolling
    windows (var corridor_rolling_windows): per model version × rolling
    window × segment × family × value (× label for scores), how many events
    of the window's days carry that value, summed from the day cells
    (corridor.rolling_day_cells). Same columns, in the same order, as
    int_corridor__value_histograms, which readers union it with: the exact
    latency quantiles, the order-statistic and Clopper-Pearson intervals and
    the Python bootstrap of a rolling window read it like any window's.
    As there, a window × segment of a bounded mean family (log_loss, brier)
    above corridor_bootstrap_asymptotic_events events with every value in
    [0, scale], or holding a day of power sums, is one row of power sums:
    its days' sums plus the power sums of its other days' values
    (corridor.moment_power_term: the same exact terms, so equal to the
    power sums of its events). Empty without rolling windows.
-#}
{%- set keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value', 'family', 'value', 'label'] -%}
{%- set window_keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value', 'family'] -%}
{%- set families = corridor.value_histogram_families(corridor.setting('corridor_model_type'), corridor.python_bootstrap_enabled()) -%}

with

day_cells as (

    {{ corridor.rolling_day_cells(ref('int_corridor__value_histograms'), keys + ['n_events', 'scale', 'sum_1', 'sum_2', 'sum_3']) }}

),

summed as (

    select
        {{ keys | join(', ') }},
        window_grain,
        window_start,
        sum(n_events) as n_events,
        max(scale) as scale,
        sum(sum_1) as sum_1,
        sum(sum_2) as sum_2,
        sum(sum_3) as sum_3

    from day_cells
    group by {{ keys | join(', ') }}, window_grain, window_start

),

moment_scales as (

    {{ corridor.value_histogram_moment_scales(families['moment_scales']) }}

),

moment_windows as (

    select
        {{ 'summed.' ~ window_keys | join(', summed.') }},
        max(moment_scales.scale) as moment_scale

    from summed
    inner join moment_scales on summed.family = moment_scales.family
    group by {{ 'summed.' ~ window_keys | join(', summed.') }}
    having
        max(case when summed.sum_1 is not null then 1 else 0 end) = 1
        or (
            sum(summed.n_events) > {{ corridor.setting('corridor_bootstrap_asymptotic_events') }}
            and min(case when summed.value >= 0 and summed.value <= moment_scales.scale then 1 else 0 end) = 1
        )

),

moment_rows as (

    select
        {{ 'moment_windows.' ~ window_keys | join(', moment_windows.') }},
        sum(summed.n_events) as n_events,
        {%- for k in [1, 2, 3] %}
        sum(coalesce(
            summed.sum_{{ k }},
            {{ corridor.moment_power_term('(summed.value / moment_windows.moment_scale)', 'summed.n_events', k) }}
        )) as sum_{{ k }},
        {%- endfor %}
        max(moment_windows.moment_scale) as scale

    from summed
    inner join moment_windows on {{ corridor.keys_equal('summed', 'moment_windows', window_keys) }}
    group by {{ 'moment_windows.' ~ window_keys | join(', moment_windows.') }}

),

final as (

    select
        {{ corridor.value_histogram_columns() }}

    from (
        select summed.*
        from summed
        left join moment_windows on {{ corridor.keys_equal('summed', 'moment_windows', window_keys) }}
        where moment_windows.moment_scale is null

        union all

        select
            model_id,
            model_version,
            segment_dimension,
            segment_value,
            family,
            null as value,
            null as label,
            window_grain,
            window_start,
            n_events,
            scale,
            sum_1,
            sum_2,
            sum_3
        from moment_rows
    ) as histogram_rows

)

select * from final
