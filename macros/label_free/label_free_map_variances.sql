{#-
    corridor.label_free_map_variances(block_terms, group_keys): the select of
    int_corridor__label_free_estimates_sql's map_variances: per group
    (`group_keys`), each metric's variance from the calibration map,
    map_variance_<metric> = sum over isotonic blocks of (sum of the block's
    d_<metric>)^2 × block_variance. Reads the relation `block_terms`
    (corridor.label_free_block_terms: the columns `group_keys`, block_id,
    block_variance, d_<metric>).
-#}
{% macro label_free_map_variances(block_terms, group_keys) -%}
    {{ return(adapter.dispatch('label_free_map_variances', 'corridor')(block_terms, group_keys)) }}
{%- endmacro %}

{% macro default__label_free_map_variances(block_terms, group_keys) -%}
    {%- set metrics = corridor.label_free_sql_metrics() -%}
    select
        {{ group_keys | join(',\n        ') }},
        {%- for m in metrics %}
        sum(power(d_{{ m }}, 2) * block_variance) as map_variance_{{ m }}{{ ',' if not loop.last }}
        {%- endfor %}

    from (
        select
            {{ group_keys | join(', ') }},
            block_id,
            max(block_variance) as block_variance,
            {% for m in metrics %}sum(d_{{ m }}) as d_{{ m }}{{ ', ' if not loop.last }}{% endfor %}
        from {{ block_terms }}
        group by {{ group_keys | join(', ') }}, block_id
    ) as per_block
    group by {{ group_keys | join(', ') }}
{%- endmacro %}
