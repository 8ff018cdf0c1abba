{#
    The window × segment grouping shared by every aggregation over events.

    corridor.window_segment_keys(grains, segments): the select-list columns
    window_grain, window_start, segment_dimension and segment_value of a
    GROUP BY corridor.window_segment_grouping_sets(...), read back from
    GROUPING() (a null segment can only mean "rolled up", because staging
    turns missing segment values into '(missing)').

    corridor.window_segment_grouping_sets(grains, segments, extra=[]): the
    GROUPING SETS clause: for each grain, (model_id, model_version,
    <grain>_start[, segment_<dimension>], *extra), overall traffic included.
#}
{% macro window_segment_keys(grains, segments) -%}
    {{ return(adapter.dispatch('window_segment_keys', 'corridor')(grains, segments)) }}
{%- endmacro %}

{% macro default__window_segment_keys(grains, segments) -%}
        case
            {%- for grain in grains %}
            when grouping({{ grain }}_start) = 0 then '{{ grain }}'
            {%- endfor %}
        end as window_grain,
        coalesce({% for grain in grains %}{{ grain }}_start{{ ', ' if not loop.last }}{% endfor %}) as window_start,
        {%- if segments | length == 0 %}
        'all' as segment_dimension,
        'all' as segment_value
        {%- else %}
        case
            {%- for s in segments %}
            when grouping(segment_{{ s['dimension'] }}) = 0 then '{{ s['dimension'] }}'
            {%- endfor %}
            else 'all'
        end as segment_dimension,
        case
            {%- for s in segments %}
            when grouping(segment_{{ s['dimension'] }}) = 0 then segment_{{ s['dimension'] }}
            {%- endfor %}
            else 'all'
        end as segment_value
        {%- endif %}
{%- endmacro %}

{% macro window_segment_grouping_sets(grains, segments, extra=[]) -%}
    {{ return(adapter.dispatch('window_segment_grouping_sets', 'corridor')(grains, segments, extra)) }}
{%- endmacro %}

{% macro default__window_segment_grouping_sets(grains, segments, extra) -%}
    {%- set tail = (', ' ~ (extra | join(', '))) if extra else '' -%}
    grouping sets (
        {%- for grain in grains %}
        {%- set outer_last = loop.last %}
        (model_id, model_version, {{ grain }}_start{{ tail }}){{ ',' if not (outer_last and segments | length == 0) }}
        {%- for s in segments %}
        (model_id, model_version, {{ grain }}_start, segment_{{ s['dimension'] }}{{ tail }}){{ ',' if not (outer_last and loop.last) }}
        {%- endfor %}
        {%- endfor %}
    )
{%- endmacro %}

{#
    The finest cells every event aggregation starts from, before GROUPING
    SETS rolls them up to windows and segments:

    corridor.fine_cell_keys(segments, finest): model_id, model_version, one
    segment_<dimension> per segment dimension, <finest>_start (no trailing
    comma), for the select list and the GROUP BY of the fine cells.

    corridor.coarser_window_starts(grains, finest): ", <grain>_start" for each
    grain coarser than the finest, computed from <finest>_start (to follow a
    select-list item).
#}
{% macro fine_cell_keys(segments, finest) -%}
        model_id,
        model_version,
        {%- for s in segments %}
        segment_{{ s['dimension'] }},
        {%- endfor %}
        {{ finest }}_start
{%- endmacro %}

{% macro coarser_window_starts(grains, finest) -%}
        {%- for grain in grains if grain != finest %},
        {{ corridor.window_start(grain, finest ~ '_start') }} as {{ grain }}_start
        {%- endfor %}
{%- endmacro %}
