{#-
    corridor.sql_bootstrap_replicate_statistics(metrics, exact_events): the
    body of the replicate_statistics CTE of
    int_corridor__sql_bootstrap_intervals: one row per group × metric ×
    replicate with the replicate's statistic, a union of two selects per
    metric of `metrics` (corridor.sql_bootstrap_statistics(...)['metrics']:
    (metric, numerator, denominator, n, sx, sxx)). Groups whose count `n` is
    at most `exact_events` read the event-by-event replicates
    (small_replicates, flagged is_small_events / is_small_latency /
    is_small_evaluated), replicates without weighted events left out; larger
    ones the normal draws of large_draws (bootstrap_z1, bootstrap_z2):
    (Σx (1 + z1/√n) + √(Σx² − (Σx)²/n) z2) / (n + √n z1). Reads the group
    columns model_id, model_version, window_grain, window_start,
    segment_dimension, segment_value of both relations.
-#}
{% macro sql_bootstrap_replicate_statistics(metrics, exact_events) -%}
    {{ return(adapter.dispatch('sql_bootstrap_replicate_statistics', 'corridor')(metrics, exact_events)) }}
{%- endmacro %}

{% macro default__sql_bootstrap_replicate_statistics(metrics, exact_events) -%}
    {%- set double = corridor.type_double() -%}
    {%- set group_cols = 'model_id, model_version, window_grain, window_start, segment_dimension, segment_value' -%}
    {%- for metric, numerator, denominator, n, sx, sxx in metrics %}
    {%- set small_flag = {'n_events': 'is_small_events', 'n_latency': 'is_small_latency', 'n_evaluated': 'is_small_evaluated'}[n] %}
    select
        {{ group_cols }},
        '{{ metric }}' as metric,
        cast({{ numerator }} as {{ double }}) / {{ denominator }} as statistic
    from small_replicates
    where {{ small_flag }} and {{ denominator }} > 0

    union all

    select
        {{ group_cols }},
        '{{ metric }}' as metric,
        (
            cast({{ sx }} as {{ double }}) * (1 + bootstrap_z1 / sqrt({{ n }}))
            + sqrt(greatest(cast({{ sxx }} as {{ double }}) - cast({{ sx }} as {{ double }}) * {{ sx }} / {{ n }}, 0.0))
            * bootstrap_z2
        ) / ({{ n }} + sqrt({{ n }}) * bootstrap_z1) as statistic
    from large_draws
    where {{ n }} > {{ exact_events }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
