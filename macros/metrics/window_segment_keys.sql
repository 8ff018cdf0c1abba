{#
    The window × segment grouping shared by every aggregation over events.

    corridor.window_segment_keys(grains, segments): the select-list columns
    window_grain, window_start, segment_dimension and segment_value of a
    GROUP BY corridor.window_segment_grouping_sets(...), read back from
    GROUPING() (a null segment can only mean "rolled up", because staging
    turns missing segment values into '(missing)').
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
        {{ corridor.segment_grouping_keys(segments) }}
{%- endmacro %}
