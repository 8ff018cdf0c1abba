{#
    corridor.raw_columns(input_name): how a row of an input is kept as it
    arrived, as a list of (key, staged column, staging expression): the key
    is your column name (the JSON key in corridor_quarantine.raw_values),
    the staged column is a plain pass-through column of the staging model
    (raw__1, raw__2, ...; the entity id already pseudonymized), and the
    expression is what the staging model selects for it. corridor_quarantine
    renders the JSON from the staged columns only for the rows it keeps, so
    no build pays for rendering every row.
#}
{% macro raw_columns(input_name, c={}) %}
    {{ return(adapter.dispatch('raw_columns', 'corridor')(input_name, c)) }}
{% endmacro %}

{% macro default__raw_columns(input_name, c) %}
    {%- set cfg = corridor.input_config(input_name) -%}
    {%- set out = [] -%}
    {%- set seen = [] -%}
    {%- for key, column in cfg['columns'].items() if column is not none -%}
        {%- do out.append((column | string, 'raw__' ~ (out | length + 1), ((corridor.keyed_hash(c[key]) if key == 'entity_id' else c[key])
            if c else none))) -%}
        {%- do seen.append(column | string | lower) -%}
    {%- endfor -%}
    {%- if input_name == 'production_events' -%}
        {%- for s in corridor.segment_dimensions() if (s['column'] | string | lower) not in seen -%}
            {%- do out.append((s['column'] | string, 'raw__' ~ (out | length + 1), c['segment_' ~ s['dimension']] if c else none)) -%}
            {%- do seen.append(s['column'] | string | lower) -%}
        {%- endfor -%}
        {%- for f in corridor.feature_columns() if (f['column'] | string | lower) not in seen -%}
            {%- do out.append((f['column'] | string, 'raw__' ~ (out | length + 1), c['feature_' ~ f['feature']] if c else none)) -%}
            {%- do seen.append(f['column'] | string | lower) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(out) }}
{% endmacro %}
