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
