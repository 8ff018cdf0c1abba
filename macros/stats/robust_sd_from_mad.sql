{#
    corridor.robust_sd_from_mad(mad, n): a robust standard deviation from the
    median absolute deviation `mad` of `n` values (SQL expressions):
    1.4826 x MAD, with Croux and Rousseeuw's (1992) small-sample correction
    b_n for n = 2 to 9, as few values make the MAD biased low, and
    n / (n - 0.8) above. Null when either is null.
#}
{% macro robust_sd_from_mad(mad, n) %}
    {{ return(adapter.dispatch('robust_sd_from_mad', 'corridor')(mad, n)) }}
{% endmacro %}

{% macro default__robust_sd_from_mad(mad, n) -%}
    1.4826 * {{ mad }} * case {{ n }}
            when 2 then 1.196
            when 3 then 1.495
            when 4 then 1.363
            when 5 then 1.206
            when 6 then 1.200
            when 7 then 1.140
            when 8 then 1.129
            when 9 then 1.107
            else {{ n }} / ({{ n }} - 0.8)
        end
{%- endmacro %}
