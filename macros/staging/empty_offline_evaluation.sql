{#-
    corridor.empty_offline_evaluation(): the select of
    stg_corridor__offline_evaluation while the offline evaluation input is
    off (var corridor_offline_evaluation unset): no rows, with the columns
    the staged input has (record_key, the text keys, segment_<dimension> per
    segment dimension, each typed key with <key>_is_unparseable,
    feature_<name> per feature, raw_values), typed as when it is on.
-#}
{% macro empty_offline_evaluation() -%}
    {{ return(adapter.dispatch('empty_offline_evaluation', 'corridor')()) }}
{%- endmacro %}

{% macro default__empty_offline_evaluation() -%}
    {%- set staged = corridor.offline_evaluation_staged_columns() -%}
    {%- set string = dbt.type_string() %}
select
    cast(null as {{ string }}) as record_key,
    {%- for key in staged['text'] %}
    cast(null as {{ string }}) as {{ key }},
    {%- endfor %}
    {%- for s in corridor.segment_dimensions() %}
    cast(null as {{ string }}) as segment_{{ s['dimension'] }},
    {%- endfor %}
    {%- for key, type in staged['typed'].items() %}
    cast(null as {{ type }}) as {{ key }},
    false as {{ key }}_is_unparseable,
    {%- endfor %}
    {%- for f in corridor.feature_columns() %}
    cast(null as {{ string if f['type'] == 'categorical' else corridor.type_double() }}) as feature_{{ f['feature'] }},
    {%- endfor %}
    cast(null as {{ string }}) as raw_values
where 1 = 0
{%- endmacro %}
