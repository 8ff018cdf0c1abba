{#
    corridor.order_statistic_targets(located, groups, rolling):
    the bins int_corridor__latency_order_statistics reads again, a query of
    (group_number, model_id, model_version, window_grain, window_start,
    segment_dimension, segment_value, value_bin): each distinct
    (group, bin) of `located` (group_number, value_bin, min_value,
    max_value) holding more than one distinct value, keyed like the groups
    of `groups` so corridor.window_segment_members can join events to them.
    A rolling window's bin is repeated once per day of the window
    (corridor.rolling_offsets), keyed as that day's 'day' window: its events
    are the events of its days.
#}
{% macro order_statistic_targets(located, groups, rolling) %}
    {{ return(adapter.dispatch('order_statistic_targets', 'corridor')(located, groups, rolling)) }}
{% endmacro %}

{% macro default__order_statistic_targets(located, groups, rolling) -%}
    {%- set rolling_names = rolling | map(attribute='name') | list -%}
    {%- set group_keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value'] -%}
    select distinct
        {{ located }}.group_number,
        {%- for key in group_keys[:2] %}
        {{ groups }}.{{ key }},
        {%- endfor %}
        {{ groups }}.window_grain,
        {{ groups }}.window_start,
        {%- for key in group_keys[2:] %}
        {{ groups }}.{{ key }},
        {%- endfor %}
        {{ located }}.value_bin
    from {{ located }}
    inner join {{ groups }}
        on {{ located }}.group_number = {{ groups }}.group_number
    where {{ located }}.min_value < {{ located }}.max_value
    {%- if rolling_names %}
        and {{ groups }}.window_grain not in ({{ corridor.sql_string_list(rolling_names) }})
    union all
    select distinct
        {{ located }}.group_number,
        {%- for key in group_keys[:2] %}
        {{ groups }}.{{ key }},
        {%- endfor %}
        'day' as window_grain,
        {{ corridor.window_offset('day', 'offsets.days_back', groups ~ '.window_start') }} as window_start,
        {%- for key in group_keys[2:] %}
        {{ groups }}.{{ key }},
        {%- endfor %}
        {{ located }}.value_bin
    from {{ located }}
    inner join {{ groups }}
        on {{ located }}.group_number = {{ groups }}.group_number
    inner join ({{ corridor.rolling_offsets() }}) as offsets
        on {{ groups }}.window_grain = offsets.window_grain
    where {{ located }}.min_value < {{ located }}.max_value
    {%- endif %}
{%- endmacro %}
