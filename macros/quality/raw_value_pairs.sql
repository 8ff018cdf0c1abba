{#
    corridor.raw_value_pairs(input_name, c, extra={}): how a staging model
    keeps a row of an input as it arrived, as the (key, column reference)
    pairs corridor.json_object_text renders into raw_values (the JSON of
    corridor_quarantine.raw_values). `c` is what
    corridor.resolve_input_columns returned (contract key -> quoted column,
    none when unmapped); the key of a pair is your column name (the input's
    `columns` mapping, else `extra`'s name for keys outside the contract
    such as segment_<dimension> / feature_<name>, else the contract key, for
    a column found under its own name), each column once (names compared
    case-insensitively). Shared by corridor.stage_optional_input and
    stg_corridor__offline_evaluation; corridor.record_key identifies the rows.
#}
{% macro raw_value_pairs(input_name, c, extra={}) %}
    {{ return(adapter.dispatch('raw_value_pairs', 'corridor')(input_name, c, extra)) }}
{% endmacro %}

{% macro default__raw_value_pairs(input_name, c, extra) %}
    {%- set cfg = corridor.input_config(input_name) -%}
    {%- set pairs = [] -%}
    {%- set seen = [] -%}
    {%- for key, ref in c.items() if ref is not none -%}
        {%- set name = cfg['columns'].get(key) or extra.get(key) or key -%}
        {%- if (name | string | lower) not in seen -%}
            {%- do pairs.append((name | string, ref)) -%}
            {%- do seen.append(name | string | lower) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(pairs) }}
{% endmacro %}
