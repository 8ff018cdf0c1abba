{#
    corridor.window_segment_members(events, groups, grains, segments, columns, group_columns=[], condition='1 = 1')
        A query joining each row of `events` to the rows of `groups` (keyed by
        model_id, model_version, window_grain, window_start, segment_dimension,
        segment_value) of every window and segment it belongs to: one join per
        grain × segment dimension ('all' included), on `<grain>_start` and
        `segment_<dimension>` of `events`, unioned. Selects `group_columns` of
        `groups` and `columns` of `events` (names must not repeat: PostgreSQL
        rejects ambiguous names), rows where `condition` holds (it may name
        both relations). Used to
        read the events of a few groups without expanding every event to all
        its windows first.
#}
{% macro window_segment_members(events, groups, grains, segments, columns, group_columns=[], condition='1 = 1') -%}
    {{ return(adapter.dispatch('window_segment_members', 'corridor')(events, groups, grains, segments, columns, group_columns, condition)) }}
{%- endmacro %}

{% macro default__window_segment_members(events, groups, grains, segments, columns, group_columns, condition) -%}
    {%- set dimensions = ['all'] -%}
    {%- for s in segments -%}{%- do dimensions.append(s['dimension']) -%}{%- endfor -%}
    {%- for grain in grains %}
    {%- set grain_loop = loop %}
    {%- for dimension in dimensions %}
    select
        {%- for column in group_columns %}
        {{ groups }}.{{ column }},
        {%- endfor %}
        {%- for column in columns %}
        {{ events }}.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ events }}
    inner join {{ groups }}
        on
            {{ events }}.model_id = {{ groups }}.model_id
            and {{ events }}.model_version = {{ groups }}.model_version
            and {{ groups }}.window_grain = '{{ grain }}'
            and {{ events }}.{{ grain }}_start = {{ groups }}.window_start
            and {{ groups }}.segment_dimension = '{{ dimension }}'
            and {{ "'all'" if dimension == 'all' else events ~ '.segment_' ~ dimension }} = {{ groups }}.segment_value
    where {{ condition }}
    {{ 'union all' if not (grain_loop.last and loop.last) }}
    {%- endfor %}
    {%- endfor %}
{%- endmacro %}
