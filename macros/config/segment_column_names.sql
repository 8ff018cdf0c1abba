{#-
    corridor.segment_column_names(segments): the staged column of each segment
    dimension (corridor.segment_dimensions()), `segment_<dimension>`, in order.
-#}
{% macro segment_column_names(segments) %}
    {%- set names = [] -%}
    {%- for s in segments -%}
        {%- do names.append('segment_' ~ s['dimension']) -%}
    {%- endfor -%}
    {{ return(names) }}
{% endmacro %}
