{#
    corridor.order_statistic_values(located, target_values, value):
    the value of each requested order statistic, a query of (group_number,
    statistic, bound, <value>). `located` holds the bin of each request
    (group_number, statistic, bound, value_bin, min_value, max_value,
    bin_position: the rank's position among the bin's sorted values);
    `target_values` the values of the bins read again (group_number,
    value_bin, <value>). A bin of one distinct value gives it at once;
    otherwise the bin's values are sorted and the one at bin_position read
    (ties are equal values, so their order does not matter).
#}
{% macro order_statistic_values(located, target_values, value) %}
    {{ return(adapter.dispatch('order_statistic_values', 'corridor')(located, target_values, value)) }}
{% endmacro %}

{% macro default__order_statistic_values(located, target_values, value) -%}
    select
        {{ located }}.group_number,
        {{ located }}.statistic,
        {{ located }}.bound,
        case
            when {{ located }}.min_value = {{ located }}.max_value then {{ located }}.min_value
            else ranked_values.{{ value }}
        end as {{ value }}
    from {{ located }}
    left join (
        select
            group_number,
            value_bin,
            {{ value }},
            row_number() over (partition by group_number, value_bin order by {{ value }}) as bin_position
        from {{ target_values }}
    ) as ranked_values
        on
            {{ located }}.min_value < {{ located }}.max_value
            and {{ located }}.group_number = ranked_values.group_number
            and {{ located }}.value_bin = ranked_values.value_bin
            and {{ located }}.bin_position = ranked_values.bin_position
{%- endmacro %}
