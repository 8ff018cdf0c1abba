{#-
    corridor.staged_extra_columns(segments, features): the columns the
    production-events input carries beyond corridor's contract, as a mapping
    staged name -> the input's column: segment_<dimension> for each segment
    dimension (corridor.segment_dimensions()), then feature_<name> for each
    feature (corridor.feature_columns()), in order. corridor.resolve_input_columns
    checks them as it checks the contract's columns.
-#}
{% macro staged_extra_columns(segments, features) %}
    {{ return(adapter.dispatch('staged_extra_columns', 'corridor')(segments, features)) }}
{% endmacro %}

{% macro default__staged_extra_columns(segments, features) %}
    {%- set extra = {} -%}
    {%- for s in segments -%}
        {%- do extra.update({'segment_' ~ s['dimension']: s['column']}) -%}
    {%- endfor -%}
    {%- for f in features -%}
        {%- do extra.update({'feature_' ~ f['feature']: f['column']}) -%}
    {%- endfor -%}
    {{ return(extra) }}
{% endmacro %}
