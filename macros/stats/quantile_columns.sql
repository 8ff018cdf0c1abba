{#-
    corridor.quantile_columns(relation, quantiles): the select-list items that
    name the quantiles of corridor.quantiles_from_order_statistics,
    `<relation>.q_<i> as <name>` for the i-th (name, fraction) of `quantiles`
    (e.g. corridor.latency_quantile_fractions()), each followed by a comma
    (the call sits inside a select list).
-#}
{% macro quantile_columns(relation, quantiles) -%}
    {{ return(adapter.dispatch('quantile_columns', 'corridor')(relation, quantiles)) }}
{%- endmacro %}

{% macro default__quantile_columns(relation, quantiles) -%}
    {%- for name, p in quantiles %}
        {{ relation }}.q_{{ loop.index }} as {{ name }},
    {%- endfor %}
{%- endmacro %}
