{#-
    corridor.backtest_segment_cells_ctes(backtest_cells, segment_keys, cell_key, offline_weight): the CTEs
    segment_totals and segment_cells (no leading `with`) that number the
    backtest's segments for int_corridor__offline_feature_weights' join of
    each window's production cells with its segment's backtest cells:
      segment_totals  one row per segment (`segment_keys`) of relation
                      `backtest_cells`: segment_offline_weight (the sum of
                      its offline weights, the same in every window) and
                      segment_id (corridor.group_key: a number, on
                      Spark the segment keys as a struct);
      segment_cells   one row per cell of a segment: segment_id, the cell
                      key and its offline_weight.
    The other arguments are the columns of `backtest_cells` it reads.
-#}
{% macro backtest_segment_cells_ctes(backtest_cells, segment_keys, cell_key, offline_weight) %}
    {{ return(adapter.dispatch('backtest_segment_cells_ctes', 'corridor')(backtest_cells, segment_keys, cell_key, offline_weight)) }}
{% endmacro %}

{% macro default__backtest_segment_cells_ctes(backtest_cells, segment_keys, cell_key, offline_weight) -%}
segment_totals as (

    select
        {{ segment_keys | join(',\n        ') }},
        sum({{ offline_weight }}) as segment_offline_weight,
        {{ corridor.group_key(segment_keys) }} as segment_id

    from {{ backtest_cells }}
    group by {{ segment_keys | join(', ') }}

),

segment_cells as (

    select
        segment_totals.segment_id,
        {{ backtest_cells }}.{{ cell_key }},
        {{ backtest_cells }}.{{ offline_weight }}

    from {{ backtest_cells }}
    inner join segment_totals
        on {{ corridor.keys_equal(backtest_cells, 'segment_totals', segment_keys) }}

)
{%- endmacro %}
