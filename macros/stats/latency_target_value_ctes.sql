{#-
    corridor.latency_target_value_ctes(bin_grains, segments): the CTEs
    target_cells, target_events and target_values of
    int_corridor__latency_order_statistics (no trailing comma), reading its
    CTEs fine_bins_with_windows, binned and targets
    (corridor.latency_value_bin_ctes, corridor.order_statistic_targets):

    - target_cells: the fine cells x value bins that hold events of some
      target (a group's bin read again), found among the fine cells
      (corridor.rows_in_groups);
    - target_events: the latencies of those cells, one pass over the events
      (a join to the few target cells);
    - target_values: each target's latencies (group_number, value_bin,
      latency_value), the target cells' events joined to the targets of every
      window and segment they belong to (corridor.window_segment_members).

    Joining every event to the targets once per grain x segment dimension
    instead read all events twelve times (demo grains and segments).
-#}
{% macro latency_target_value_ctes(bin_grains, segments) -%}
    {{ return(adapter.dispatch('latency_target_value_ctes', 'corridor')(bin_grains, segments)) }}
{%- endmacro %}

{% macro default__latency_target_value_ctes(bin_grains, segments) -%}
{%- set cell_columns = ['model_id', 'model_version'] + corridor.segment_column_names(segments)
    + [corridor.finest_grain(bin_grains) ~ '_start', 'value_bin'] -%}
target_cells as (

    {{ corridor.rows_in_groups('fine_bins_with_windows', 'targets', bin_grains, segments, cell_columns, ['value_bin']) }}

),

target_events as (

    select binned.*

    from binned
    inner join target_cells
        on {{ corridor.keys_equal('binned', 'target_cells', cell_columns) }}

),

target_values as (

    {{ corridor.window_segment_members(
        'target_events', 'targets', bin_grains, segments, ['latency_value'], ['group_number', 'value_bin'],
        'target_events.value_bin = targets.value_bin'
    ) }}

)
{%- endmacro %}
