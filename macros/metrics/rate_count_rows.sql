{#-
    corridor.rate_count_rows(relation, rates): one row per window × segment of
    `relation` and rate of `rates` ((metric, successes SQL, trials SQL) over
    the relation's counts: corridor.exact_interval_metrics()['rates']) with
    the rate's successes and trials as doubles, where there is a trial: the
    window keys model_id, model_version, window_grain, segment_dimension,
    segment_value, window_start, then metric, successes, trials; a union of
    one select per rate.
-#}
{% macro rate_count_rows(relation, rates) -%}
    {{ return(adapter.dispatch('rate_count_rows', 'corridor')(relation, rates)) }}
{%- endmacro %}

{% macro default__rate_count_rows(relation, rates) -%}
    {%- for metric, k, n in rates %}
    select
        model_id,
        model_version,
        window_grain,
        segment_dimension,
        segment_value,
        '{{ metric }}' as metric,
        cast({{ k }} as {{ corridor.type_double() }}) as successes,
        cast({{ n }} as {{ corridor.type_double() }}) as trials,
        window_start
    from {{ relation }}
    where {{ n }} > 0
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
