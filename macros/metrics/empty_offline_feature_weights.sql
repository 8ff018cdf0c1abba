{#-
    corridor.empty_offline_feature_weights(): the select of
    int_corridor__offline_feature_weights while it computes nothing
    (corridor.offline_feature_weights_enabled is false): no rows, with the
    model's columns and types (window keys and cell_key, production_events,
    the weights and shares, is_capped).
-#}
{% macro empty_offline_feature_weights() -%}
    {{ return(adapter.dispatch('empty_offline_feature_weights', 'corridor')()) }}
{%- endmacro %}

{% macro default__empty_offline_feature_weights() %}
select
    {%- for key in ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value', 'cell_key'] %}
    cast(null as {{ dbt.type_timestamp() if key == 'window_start' else dbt.type_string() }}) as {{ key }},
    {%- endfor %}
    cast(null as {{ dbt.type_bigint() }}) as production_events,
    {%- for column in ['offline_weight', 'production_share', 'offline_share', 'raw_weight', 'weight', 'uncovered_share',
        'effective_sample_size'] %}
    cast(null as {{ corridor.type_double() }}) as {{ column }},
    {%- endfor %}
    false as is_capped
where 1 = 0
{%- endmacro %}
