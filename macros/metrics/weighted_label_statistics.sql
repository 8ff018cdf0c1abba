{#
    corridor.weighted_label_statistics(weight): the sufficient statistics of
    corridor.label_metric_statistics summed over rows with a frequency weight
    (the SQL of a positive weight column; a row of weight 3 counts as three
    identical rows), for the backtest rows of the offline evaluation input.
    Returns {'cells': [(column, aggregate)], 'final': [(name, expression)],
    'rollup': [(column, aggregate, 'sum')]}:
    `cells` are the aggregates of a group of rows (exact decimal sums, so a
    build is reproducible to the last bit; unbounded terms in two parts as
    corridor.exact_sum_parts), summable again with sum() to roll groups up;
    `final` turns the (rolled-up) columns into the named statistics as
    doubles; `rollup` is `cells` as measures of corridor.segment_rollup. Statistics read `is_evaluable`, `label`, `predicted_class` and
    the terms of corridor.label_metric_terms from the rows.
#}
{% macro weighted_label_statistics(weight) -%}
    {{ return(adapter.dispatch('weighted_label_statistics', 'corridor')(weight)) }}
{%- endmacro %}

{% macro default__weighted_label_statistics(weight) -%}
    {%- set double = corridor.type_double() -%}
    {%- set cells = [] -%}
    {%- set final = [] -%}
    {%- for name, expr, kind, decimals in corridor.label_metric_statistics() -%}
        {%- if kind == 'count' -%}
            {%- do cells.append((name, corridor.exact_decimal_sum('case when ' ~ expr ~ ' then ' ~ weight ~ ' else 0 end', 12))) -%}
            {%- do final.append((name, 'cast(' ~ name ~ ' as ' ~ double ~ ')')) -%}
        {%- elif kind == 'sum' -%}
            {%- do cells.append((name, corridor.exact_decimal_sum(weight ~ ' * (' ~ expr ~ ')', 12))) -%}
            {%- do final.append((name, 'cast(' ~ name ~ ' as ' ~ double ~ ')')) -%}
        {%- else -%}
            {%- set parts = corridor.exact_sum_parts(weight ~ ' * (' ~ expr ~ ')', 6) -%}
            {%- do cells.append((name ~ '__high', parts[0])) -%}
            {%- do cells.append((name ~ '__low', parts[1])) -%}
            {%- do final.append((name, corridor.exact_sum_combine(name ~ '__high', name ~ '__low'))) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set rollup = [] -%}
    {%- for column, aggregate in cells -%}{%- do rollup.append([column, aggregate, 'sum']) -%}{%- endfor -%}
    {{ return({'cells': cells, 'final': final, 'rollup': rollup}) }}
{%- endmacro %}
