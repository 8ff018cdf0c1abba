{#-
    corridor.label_free_label_variances(gradients, group_keys): the select of
    int_corridor__label_free_estimates_sql's label_variances: per group
    (`group_keys`), each metric's variance from the labels still to come,
    label_variance_<metric> = sum of gradient_<metric>^2 × label_variance.
    Reads the relation `gradients`: the columns `group_keys`, label_variance
    and gradient_<metric> for each of corridor.label_free_sql_metrics().
-#}
{% macro label_free_label_variances(gradients, group_keys) -%}
    {{ return(adapter.dispatch('label_free_label_variances', 'corridor')(gradients, group_keys)) }}
{%- endmacro %}

{% macro default__label_free_label_variances(gradients, group_keys) -%}
    select
        {{ group_keys | join(',\n        ') }},
        {%- for m in corridor.label_free_sql_metrics() %}
        sum(power(gradient_{{ m }}, 2) * label_variance) as label_variance_{{ m }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ gradients }}
    group by {{ group_keys | join(', ') }}
{%- endmacro %}
