{#
    corridor.order_statistic_targets(located, groups, offsets):
    the bins int_corridor__latency_order_statistics reads again, a query of
    (group_number, model_id, model_version, window_grain, window_start,
    segment_dimension, segment_value, value_bin): each distinct
    (group, bin) of `located` (group_number, value_bin, min_value,
    max_value) holding more than one distinct value, keyed like the groups
    of `groups` so corridor.window_segment_members can join events to them.
    A rolling window's bin is repeated once per day of the window
    (`offsets`, a relation of corridor.rolling_offsets()), keyed as that
    day's 'day' window: its events are the events of its days.
#}
{% macro order_statistic_targets(located, groups, offsets) %}
    {{ return(adapter.dispatch('order_statistic_targets', 'corridor')(located, groups, offsets)) }}
{% endmacro %}

{% macro default__order_statistic_targets(located, groups, offsets) -%}
    {#- a rolling window's group meets its days in `offsets`; a calendar group meets none -#}
    select distinct
        {{ located }}.group_number,
        {{ groups }}.model_id,
        {{ groups }}.model_version,
        case when {{ offsets }}.window_grain is null then {{ groups }}.window_grain else 'day' end as window_grain,
        case
            when {{ offsets }}.window_grain is null then {{ groups }}.window_start
            else {{ corridor.window_offset('day', offsets ~ '.days_back', groups ~ '.window_start') }}
        end as window_start,
        {{ groups }}.segment_dimension,
        {{ groups }}.segment_value,
        {{ located }}.value_bin
    from {{ located }}
    inner join {{ groups }}
        on {{ located }}.group_number = {{ groups }}.group_number
    left join {{ offsets }}
        on {{ groups }}.window_grain = {{ offsets }}.window_grain
    where {{ located }}.min_value < {{ located }}.max_value
{%- endmacro %}
