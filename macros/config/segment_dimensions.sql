{#
    corridor.segment_dimensions(): the segment dimensions of production events
    as a list of {'dimension': name, 'column': input column}.

    The var corridor_segment_columns is either a list of column names (the
    dimension takes the column's name) or a mapping {dimension: column}.
    Dimension names become output values and staged column names
    (segment_<dimension>), so they must be plain lower-case identifiers. The
    entity id column cannot be a segment: segment values are stored in clear.
#}
{% macro segment_dimensions() %}
    {{ return(adapter.dispatch('segment_dimensions', 'corridor')()) }}
{% endmacro %}

{% macro default__segment_dimensions() %}
    {%- set raw = corridor.setting('corridor_segment_columns') -%}
    {%- set dims = [] -%}
    {%- if raw is none -%}
        {%- set raw = [] -%}
    {%- endif -%}
    {%- if raw is string -%}
        {{ exceptions.raise_compiler_error("corridor: var 'corridor_segment_columns' must be a list of column names or a mapping "
            "{dimension: column}; got the string '" ~ raw ~ "'.") }}
    {%- elif raw is mapping -%}
        {%- for dimension, column in raw.items() -%}
            {%- do dims.append({'dimension': dimension, 'column': column}) -%}
        {%- endfor -%}
    {%- else -%}
        {%- for column in raw -%}
            {%- do dims.append({'dimension': column, 'column': column}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set seen = [] -%}
    {%- set entity = corridor.input_config('production_events')['columns'].get('entity_id') -%}
    {%- for d in dims -%}
        {%- if not modules.re.fullmatch('[a-z][a-z0-9_]{0,62}', d['dimension'] | string) -%}
            {{ exceptions.raise_compiler_error("corridor: segment dimension '" ~ d['dimension'] ~ "' in var 'corridor_segment_columns' is "
                "not a lower-case identifier ([a-z][a-z0-9_]*). Use the mapping form {dimension: column} to give it a plain name.") }}
        {%- endif -%}
        {%- if d['dimension'] == 'all' or d['dimension'] in seen -%}
            {{ exceptions.raise_compiler_error("corridor: segment dimension '" ~ d['dimension'] ~ "' in var 'corridor_segment_columns' is "
                "reserved or repeated.") }}
        {%- endif -%}
        {%- do seen.append(d['dimension']) -%}
        {%- if entity is not none and (d['column'] | string | lower) == (entity | string | lower) -%}
            {{ exceptions.raise_compiler_error("corridor: var 'corridor_segment_columns' maps segment dimension '" ~ d['dimension'] ~ "' "
                "to column '" ~ d['column'] ~ "', the entity id column of var 'corridor_production_events' (columns.entity_id). Segment "
                "values are written in clear into the result tables and the never-wiped observation history, so raw entity ids would leave "
                "the warehouse's staging layer. Remove it from corridor_segment_columns (entity ids are kept only as keyed pseudonyms).") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(dims) }}
{% endmacro %}
