{#
    corridor.latency_bin_width(relation, value, window_column): a query of
    (model_id, model_version, bin_width): the width of the bins in which
    int_corridor__latency_order_statistics counts each model version's
    values before it reads the few bins holding a requested rank again.
    The width changes the cost only, never a result (every bin is either a
    single distinct value or sorted whole). It is the version's
    interquartile range (or its range, when the quartiles coincide; 1 when
    every value is equal) over sqrt(6 n / windows) bins, the n / windows
    events of a typical window of `window_column` (its finest grain), between
    16 and 65,536 bins: about sqrt(n) bins per window, each holding about
    sqrt(n) / 6 of its events near the median, which balances counting bins
    against sorting the six bins an interval reads. Never below 1e-12 of the
    largest magnitude, so value / width stays far inside a 64-bit integer.
#}
{% macro latency_bin_width(relation, value, window_column) %}
    {{ return(adapter.dispatch('latency_bin_width', 'corridor')(relation, value, window_column)) }}
{% endmacro %}

{% macro default__latency_bin_width(relation, value, window_column) -%}
    {%- set double = corridor.type_double() -%}
    {%- set q1 = corridor.array_element('quartiles', 1) -%}
    {%- set q3 = corridor.array_element('quartiles', 2) -%}
    select
        model_id,
        model_version,
        greatest(
            case
                when {{ q3 }} > {{ q1 }} then {{ q3 }} - {{ q1 }}
                when max_value > min_value then max_value - min_value
                else 1
            end / greatest(16, least(65536, sqrt(6 * n_values / cast(n_windows as {{ double }})))),
            greatest(abs(min_value), abs(max_value)) * 1e-12
        ) as bin_width
    from (
        select
            model_id,
            model_version,
            cast(count(*) as {{ double }}) as n_values,
            count(distinct {{ window_column }}) as n_windows,
            min({{ value }}) as min_value,
            max({{ value }}) as max_value,
            {{ corridor.percentiles(value, [0.25, 0.75]) }} as quartiles
        from {{ relation }}
        group by model_id, model_version
    ) as spreads
{%- endmacro %}
