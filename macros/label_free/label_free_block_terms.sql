{#-
    corridor.label_free_block_terms(gradients, group_keys): the select of
    int_corridor__label_free_estimates_sql's block_terms: every row's part of
    each metric's derivative by the rate of the isotonic block(s) its score
    bin falls in, d_<metric> = gradient_<metric> × the row's weight in the
    block, one row per row × block (the lower block, and the upper one where
    upper_weight > 0). Reads the relation `gradients`: the columns
    `group_keys`, lower_block, upper_block, lower_block_variance,
    upper_block_variance, lower_weight, upper_weight and gradient_<metric>
    for each of corridor.label_free_sql_metrics().
-#}
{% macro label_free_block_terms(gradients, group_keys) -%}
    {{ return(adapter.dispatch('label_free_block_terms', 'corridor')(gradients, group_keys)) }}
{%- endmacro %}

{% macro default__label_free_block_terms(gradients, group_keys) -%}
    {%- set metrics = corridor.label_free_sql_metrics() -%}
    select
        {{ group_keys | join(',\n        ') }},
        lower_block as block_id,
        lower_block_variance as block_variance,
        {%- for m in metrics %}
        gradient_{{ m }} * lower_weight as d_{{ m }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ gradients }}

    union all

    select
        {{ group_keys | join(',\n        ') }},
        upper_block as block_id,
        upper_block_variance as block_variance,
        {%- for m in metrics %}
        gradient_{{ m }} * upper_weight as d_{{ m }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ gradients }}
    where upper_weight > 0
{%- endmacro %}
