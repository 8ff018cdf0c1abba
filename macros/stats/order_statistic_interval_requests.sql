{#
    corridor.order_statistic_interval_requests(groups, grains, quantiles):
    the distribution-free intervals int_corridor__latency_order_statistics
    serves, a query of (group_number, n, statistic, q, request_key): one row
    per group of `groups` (group_number, n, window_grain) whose window_grain
    is in `grains` and per (statistic, q) of `quantiles`; request_key
    (corridor.order_statistic_request_key) keys
    corridor.order_statistic_ranks_query.
#}
{% macro order_statistic_interval_requests(groups, grains, quantiles) %}
    {{ return(adapter.dispatch('order_statistic_interval_requests', 'corridor')(groups, grains, quantiles)) }}
{% endmacro %}

{% macro default__order_statistic_interval_requests(groups, grains, quantiles) -%}
    {%- for statistic, q in quantiles %}
    select
        group_number,
        n,
        '{{ statistic }}' as statistic,
        {{ q }} as q,
        {{ corridor.order_statistic_request_key('group_number', statistic) }} as request_key
    from {{ groups }}
    where window_grain in ({{ corridor.sql_string_list(grains) }})
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
