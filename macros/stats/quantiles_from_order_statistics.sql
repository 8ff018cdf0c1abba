{#
    corridor.quantiles_from_order_statistics(relation, keys, quantiles):
    exact sample quantiles from the two order statistics each interpolates
    between, a query of <keys> and q_1 .. q_k, one per (name, fraction) of
    `quantiles`: numpy.quantile's default definition (and quantile_cont's),
    low + (h - floor(h)) (high - low), h = (n - 1) p in double precision.
    `relation` has <keys>, n, statistic (the quantile's name), bound ('low':
    the order statistic at rank floor(h) + 1, 'high': the next one, as
    corridor.order_statistic_requests asks them) and latency_value; the rows
    of int_corridor__latency_order_statistics for a rolling window.
#}
{% macro quantiles_from_order_statistics(relation, keys, quantiles) %}
    {{ return(adapter.dispatch('quantiles_from_order_statistics', 'corridor')(relation, keys, quantiles)) }}
{% endmacro %}

{% macro default__quantiles_from_order_statistics(relation, keys, quantiles) -%}
    {%- set double = corridor.type_double() -%}
    select
        {{ keys | join(',\n        ') }},
        {%- for name, p in quantiles %}
        {%- set h = '(cast(n as ' ~ double ~ ') - 1) * ' ~ p %}
        cast(low_{{ loop.index }} + ({{ h }} - floor({{ h }})) * (high_{{ loop.index }} - low_{{ loop.index }})
            as {{ double }}) as q_{{ loop.index }}{{ ',' if not loop.last }}
        {%- endfor %}
    from (
        select
            {{ keys | join(',\n            ') }},
            max(n) as n,
            {%- for name, p in quantiles %}
            max(case when statistic = '{{ name }}' and bound = 'low' then latency_value end) as low_{{ loop.index }},
            max(case when statistic = '{{ name }}' and bound = 'high' then latency_value end) as high_{{ loop.index }}{{ ','
                if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        where bound in ('low', 'high')
        group by {{ keys | join(', ') }}
    ) as interpolation_ends
{%- endmacro %}
