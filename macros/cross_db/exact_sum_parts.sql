{#
    corridor.exact_sum_parts(expr, decimals): the exact, order-independent sum
    of a floating-point column whose values may be large (latencies, squared
    regression errors and their squares), as two decimal aggregates
    [high, low]: each value x is split into high = trunc(x / 1e16) (a whole
    number of 1e16 units, 0 for |x| < 1e16, summed as decimal(38, 0)) and
    low = x - high * 1e16 (|low| < 1e16, rounded to `decimals` places and
    summed as decimal(38, decimals)).

    Both sums are exact in any order, so two builds agree to the last bit
    (corridor.exact_sum alone overflows at 10^(38 - decimals), e.g. at
    1e26 for 12 decimals); the pair holds any value below about 1e38 per row
    with room for 10^12 rows. Inputs that could produce larger terms are
    quarantined (corridor.value_domain). The split is a deterministic
    function of each row, and combining the two sums (corridor.exact_sum_combine)
    is the only floating-point step. Rows where expr is null add nothing.
#}
{% macro exact_sum_parts(expr, decimals) -%}
    {{ return(adapter.dispatch('exact_sum_parts', 'corridor')(expr, decimals)) }}
{%- endmacro %}

{% macro default__exact_sum_parts(expr, decimals) -%}
    {{ return(corridor._exact_sum_parts(expr, decimals, 'trunc((' ~ expr ~ ') / 1e16)')) }}
{%- endmacro %}

{#- Spark's trunc() truncates dates only: v - v % 1 (% keeps the sign of v, and is exact on doubles) -#}
{% macro spark__exact_sum_parts(expr, decimals) -%}
    {%- set v = '((' ~ expr ~ ') / 1e16)' -%}
    {{ return(corridor._exact_sum_parts(expr, decimals, '(' ~ v ~ ' - ' ~ v ~ ' % 1)')) }}
{%- endmacro %}

{#- the two sums, given the engine's expression of high = trunc(x / 1e16) -#}
{% macro _exact_sum_parts(expr, decimals, high) -%}
    {%- set is_large = 'abs(' ~ expr ~ ') >= 1e16' -%}
    {{ return([
        'sum(case when ' ~ is_large ~ ' then cast(' ~ high ~ ' as decimal(38, 0)) end)',
        'sum(cast(case when ' ~ is_large ~ ' then (' ~ expr ~ ') - ' ~ high ~ ' * 1e16 else ' ~ expr ~ ' end as decimal(38, ' ~ decimals
            ~ ')))',
    ]) }}
{%- endmacro %}
