{#- corridor._validate_mix_adjustment_dimension(name, value): a segment dimension of corridor_segment_columns; null: the first of them (a
    validator of the settings registry, called by corridor.setting). -#}
{% macro _validate_mix_adjustment_dimension(name, value) %}
    {%- set dimensions = corridor.segment_dimensions() | map(attribute='dimension') | list -%}
    {%- if value is none -%}
        {%- set value = dimensions[0] if dimensions else none -%}
    {%- elif value not in dimensions -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_mix_adjustment_dimension' is '" ~ value ~ "'; expected one of the "
            "segment dimensions of corridor_segment_columns (" ~ (dimensions | join(', ') or 'none configured') ~ ") or null.") }}
    {%- endif -%}
    {{ return(value) }}
{% endmacro %}
