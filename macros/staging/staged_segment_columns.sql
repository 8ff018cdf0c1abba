{#-
    corridor.staged_segment_columns(columns, segments): the select-list items
    that stage the segment dimensions of an input, one per dimension, each
    followed by a comma (the call sits inside a select list):
    `coalesce(cast(<column> as text), '(missing)') as segment_<dimension>,`.
    `columns` is what corridor.resolve_input_columns returned (it maps
    segment_<dimension> to the input's quoted column), `segments`
    corridor.segment_dimensions(). Renders nothing without segments.
-#}
{% macro staged_segment_columns(columns, segments) -%}
    {{ return(adapter.dispatch('staged_segment_columns', 'corridor')(columns, segments)) }}
{%- endmacro %}

{% macro default__staged_segment_columns(columns, segments) -%}
    {%- for s in segments %}
        coalesce(cast({{ columns['segment_' ~ s['dimension']] }} as {{ dbt.type_string() }}), '(missing)') as segment_{{ s['dimension'] }},
    {%- endfor %}
{%- endmacro %}
