{#
    corridor.window_segment_grouping_sets(grains, segments, extra=[]): the
    GROUPING SETS clause of every aggregation over events: for each grain,
    (model_id, model_version, <grain>_start[, segment_<dimension>], *extra),
    overall traffic included. The select list reads it back with
    corridor.window_segment_keys.
#}

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
