{#
    corridor.order_statistic_requests(interval_requests, interval_ranks, groups, quantiles):
    the ranks int_corridor__latency_order_statistics resolves, a query of
    (group_number, statistic, bound, order_rank):
    - each row of `interval_requests` (group_number, statistic, request_key)
      with its ranks from `interval_ranks` (corridor.order_statistic_ranks_query:
      rank_key, lower_rank, upper_rank), bounds 'lower' and 'upper';
    - for every group of `groups` (group_number, n), each (name, p) of
      `quantiles` at the 1-based
      ranks floor(h) + 1 ('low') and min(floor(h) + 1, n - 1) + 1 ('high'),
      h = (n - 1) p in double precision: the order statistics between which
      numpy's (and quantile_cont's) linear quantile interpolates.
#}
{% macro order_statistic_requests(interval_requests, interval_ranks, groups, quantiles) %}
    {{ return(adapter.dispatch('order_statistic_requests', 'corridor')(interval_requests, interval_ranks, groups, quantiles)) }}
{% endmacro %}

{% macro default__order_statistic_requests(interval_requests, interval_ranks, groups, quantiles) -%}
    {%- set double = corridor.type_double() -%}
    {%- for bound in ['lower', 'upper'] %}
    select
        {{ interval_requests }}.group_number,
        {{ interval_requests }}.statistic,
        '{{ bound }}' as bound,
        {{ interval_ranks }}.{{ bound }}_rank as order_rank
    from {{ interval_requests }}
    inner join {{ interval_ranks }}
        on {{ interval_requests }}.request_key = {{ interval_ranks }}.rank_key
    {{ 'union all' if not loop.last }}
    {%- endfor %}
    {%- for name, p in quantiles %}
    {%- set h = '(cast(n as ' ~ double ~ ') - 1) * ' ~ p %}
    union all
    select
        group_number,
        '{{ name }}' as statistic,
        'low' as bound,
        floor({{ h }}) + 1 as order_rank
    from {{ groups }}
    union all
    select
        group_number,
        '{{ name }}' as statistic,
        'high' as bound,
        least(floor({{ h }}) + 1, cast(n as {{ double }}) - 1) + 1 as order_rank
    from {{ groups }}
    {%- endfor %}
{%- endmacro %}
