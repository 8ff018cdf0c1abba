{#-
    corridor.production_window_sum_columns(measures, relation): the
    select-list items of int_corridor__production_window_stats' counts and
    sums, read from the rolled-up `relation` (the CTE's name), each followed
    by a comma (the call sits inside a select list): every count n_* of
    `measures` (corridor.production_window_measures()) as a bigint, then the
    sums and sums of squares of latency, log loss, Brier score, absolute and
    squared error as doubles, a sum kept as two exact parts
    (measures['large']: <name>__high, <name>__low) recombined by
    corridor.exact_sum_combine.
-#}
{% macro production_window_sum_columns(measures, relation) -%}
    {{ return(adapter.dispatch('production_window_sum_columns', 'corridor')(measures, relation)) }}
{%- endmacro %}

{% macro default__production_window_sum_columns(measures, relation) -%}
    {%- set large = measures['large'] | map(attribute=0) | list -%}
    {%- for name, expr, rollup in measures['additive'] if name.startswith('n_') %}
        cast({{ relation }}.{{ name }} as {{ dbt.type_bigint() }}) as {{ name }},
    {%- endfor %}
    {%- for name in ['latency_sum', 'latency_sum_squares', 'log_loss_sum', 'log_loss_sum_squares', 'brier_sum', 'brier_sum_squares',
        'abs_error_sum', 'abs_error_sum_squares', 'squared_error_sum', 'squared_error_sum_squares'] %}
        {%- if name in large %}
        {{ corridor.exact_sum_combine(relation ~ '.' ~ name ~ '__high', relation ~ '.' ~ name ~ '__low') }} as {{ name }},
        {%- else %}
        cast({{ relation }}.{{ name }} as {{ corridor.type_double() }}) as {{ name }},
        {%- endif %}
    {%- endfor %}
{%- endmacro %}
