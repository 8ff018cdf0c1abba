{#
    corridor.quantiles_from_counts(relation, keys, value, count, fractions):
    exact sample quantiles read from a value histogram (one row per distinct
    value of a group with how many observations carry it): a query of
    <keys> and q_1 .. q_k, one per fraction, with numpy.quantile's default
    definition (linear interpolation between the order statistics at ranks
    floor(h) and floor(h) + 1, h = (n - 1) p, 0-based), the same values
    corridor.percentiles gives over the raw observations. Used where raw
    observations are summed into histograms first (rolling windows, summed
    from day histograms). `value` must be distinct within a group.
#}
{% macro quantiles_from_counts(relation, keys, value, count, fractions) %}
    {{ return(adapter.dispatch('quantiles_from_counts', 'corridor')(relation, keys, value, count, fractions)) }}
{% endmacro %}

{% macro default__quantiles_from_counts(relation, keys, value, count, fractions) -%}
    {%- set partition = keys | join(', ') -%}
    {%- set double = corridor.type_double() -%}
    select
        {%- for key in keys %}
        {{ key }},
        {%- endfor %}
        {%- for p in fractions %}
        {%- set rank = 'floor((total - 1) * ' ~ p ~ ')' %}
        {%- set low = 'min(case when cum_through > ' ~ rank ~ ' then ' ~ value ~ ' end)' %}
        {%- set high = 'min(case when cum_through > least(' ~ rank ~ ' + 1, total - 1) then ' ~ value ~ ' end)' %}
        cast({{ low }} + max((total - 1) * {{ p }} - {{ rank }}) * ({{ high }} - {{ low }}) as {{ double }}) as q_{{ loop.index }}{{ ','
            if not loop.last }}
        {%- endfor %}

    from (
        select
            {{ partition }},
            {{ value }},
            sum({{ count }}) over (partition by {{ partition }} order by {{ value }} rows between unbounded preceding and current row) as
                cum_through,
            sum({{ count }}) over (partition by {{ partition }}) as total

        from {{ relation }}
        where {{ count }} > 0
    ) as ranked
    group by {{ partition }}
{%- endmacro %}
