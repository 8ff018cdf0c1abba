{#
    corridor.segment_grouping_keys(segments): the select-list columns
    segment_dimension and segment_value (no trailing comma) of a GROUP BY
    whose grouping sets roll segment_<dimension> columns up, read back from
    GROUPING(): the dimension grouped on, or 'all' for overall traffic (a
    null segment can only mean "rolled up", because staging turns missing
    segment values into '(missing)'). corridor.window_segment_keys adds the
    window columns.
#}
{% macro segment_grouping_keys(segments) -%}
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
