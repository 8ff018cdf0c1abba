{{ config(materialized='view') }}
{#-
    Exact latency quantiles (p50, p95, p99; linear interpolation, as
    numpy.quantile) per model version × window grain × window × segment,
    together with the quantiles on either side of each (p50: 45/55, p95:
    93/97, p99: 98.5/99.5) from which the production metrics estimate the
    density at the quantile (Siddiqui-Bloch-Gastwirth) and so its standard
    error (corridor.latency_quantile_fractions()).

    Each quantile interpolates between the two order statistics
    int_corridor__latency_order_statistics reads for it (ranks floor(h) + 1
    and the next, h = (n - 1) p): the same numbers as an exact quantile
    aggregate over the window's latencies, without keeping every latency of
    every group in memory. A view: the window statistics read the lookback's
    windows of it.
-#}
{%- set quantiles = corridor.latency_quantile_fractions() -%}
{%- set keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}

with

calendar_order_statistics as (

    select * from {{ ref('int_corridor__latency_order_statistics') }}
    where window_grain in ({{ corridor.sql_string_list(corridor.setting('corridor_window_grains')) }})

),

quantiles as (

    {{ corridor.quantiles_from_order_statistics('calendar_order_statistics', keys, quantiles) }}

),

final as (

    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        {%- for name, p in quantiles %}
        q_{{ loop.index }} as {{ name }},
        {%- endfor %}
        window_start

    from quantiles

)

select * from final
