{#
    corridor.order_statistic_request_key(group_number, statistic): the key
    of one distribution-free interval request of
    corridor.order_statistic_interval_requests (`statistic` a name, without
    quotes): '<group_number>|<statistic>' as text; on Spark, where the group
    number is a struct (corridor.group_key) whose text is not a unique key,
    the struct (group_number, statistic).
#}
{% macro order_statistic_request_key(group_number, statistic) %}
    {{ return(adapter.dispatch('order_statistic_request_key', 'corridor')(group_number, statistic)) }}
{% endmacro %}

{% macro default__order_statistic_request_key(group_number, statistic) -%}
    {{ dbt.concat([dbt.cast(group_number, dbt.type_string()), "'|" ~ statistic ~ "'"]) }}
{%- endmacro %}

{% macro spark__order_statistic_request_key(group_number, statistic) -%}
    named_struct('group_number', {{ group_number }}, 'statistic', '{{ statistic }}')
{%- endmacro %}
