{#
    corridor.quantiles_from_counts(relation, keys, value, count, fractions):
    exact sample quantiles read from a value histogram (one row per distinct
    value of a group with how many observations carry it): a query of
    <keys> and q_1 .. q_k, one per fraction, with numpy.quantile's default
    definition (linear interpolation between the order statistics at ranks
    floor(h) and floor(h) + 1, h = (n - 1) p, 0-based), the same values
    corridor.percentiles gives over the raw observations (to the last bits
    of the interpolation). Used where raw observations are summed into
    histograms first (latency histograms, rolling windows). `value` must be
    distinct within a group.

    Each group gets a number and its ranks once (a small aggregate); the
    running count is a window partitioned by that number alone (sorting by
    one integer is much cheaper than by the group's key columns), and each
    order statistic is the first value whose running count passes its rank.
    The running count is a sort, which the engine can spill to disk; an
    exact quantile aggregate keeps every observation of every group in
    memory.
#}
{% macro quantiles_from_counts(relation, keys, value, count, fractions) %}
    {{ return(adapter.dispatch('quantiles_from_counts', 'corridor')(relation, keys, value, count, fractions)) }}
{% endmacro %}

{% macro default__quantiles_from_counts(relation, keys, value, count, fractions) -%}
    {%- set double = corridor.type_double() -%}
    {%- set bigint = dbt.type_bigint() -%}
    with

    {# the groups, numbered, with each fraction's h = (n - 1) p, its rank floor(h) and the next rank -#}
    quantile_groups as (

        select
            {{ keys | join(',\n            ') }},
            row_number() over (order by {{ keys | join(', ') }}) as group_number,
            {%- for p in fractions %}
            {%- set h = '(cast(sum(' ~ count ~ ') as ' ~ double ~ ') - 1) * ' ~ p %}
            {{ h }} as h_{{ loop.index }},
            floor({{ h }}) as rank_{{ loop.index }},
            least(floor({{ h }}) + 1, cast(sum({{ count }}) as {{ double }}) - 1) as next_rank_{{ loop.index }}{{ ','
                if not loop.last }}
            {%- endfor %}

        from {{ relation }}
        where {{ count }} > 0
        group by {{ keys | join(', ') }}

    ),

    {# the running count: a sort by one integer and the value, on narrow rows -#}
    quantile_running as (

        select
            numbered.group_number,
            histogram.{{ value }} as value,
            sum(cast(histogram.{{ count }} as {{ bigint }})) over (
                partition by numbered.group_number
                order by histogram.{{ value }}
                rows between unbounded preceding and current row
            ) as cum_through

        from {{ relation }} as histogram
        inner join quantile_groups as numbered
            on {{ corridor.keys_equal('histogram', 'numbered', keys) }}
        where histogram.{{ count }} > 0

    ),

    {# each order statistic: the first value whose running count passes its rank -#}
    quantile_picked as (

        select
            quantile_running.group_number,
            {%- for p in fractions %}
            {%- set i = loop.index %}
            min(case when quantile_running.cum_through > ranks.rank_{{ i }} then quantile_running.value end) as low_{{ i }},
            min(case when quantile_running.cum_through > ranks.next_rank_{{ i }} then quantile_running.value end) as high_{{ i }}{{ ','
                if not loop.last }}
            {%- endfor %}

        from quantile_running
        inner join quantile_groups as ranks
            on quantile_running.group_number = ranks.group_number
        group by quantile_running.group_number

    )

    select
        {%- for key in keys %}
        quantile_groups.{{ key }},
        {%- endfor %}
        {%- for p in fractions %}
        {%- set i = loop.index %}
        cast(quantile_picked.low_{{ i }} + (quantile_groups.h_{{ i }} - quantile_groups.rank_{{ i }})
            * (quantile_picked.high_{{ i }} - quantile_picked.low_{{ i }}) as {{ double }}) as q_{{ i }}{{ ','
            if not loop.last }}
        {%- endfor %}

    from quantile_picked
    inner join quantile_groups
        on quantile_picked.group_number = quantile_groups.group_number
{%- endmacro %}
