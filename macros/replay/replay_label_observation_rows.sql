{#-
    corridor.replay_label_observation_rows(): the body of
    int_corridor__replay_label_deviations' observations CTE: per metric of
    corridor.replay_label_metrics, a select of its value, standard error,
    interval (at corridor_confidence_level) and sample size as of each replay
    point (corridor.metric_row_sql, as int_corridor__production_metrics
    computes them), from the relation `window_stats` or, for a metric marked
    from_histograms, `histogram_stats`; the selects joined by `union all`.
-#}
{% macro replay_label_observation_rows() -%}
    {{ return(adapter.dispatch('replay_label_observation_rows', 'corridor')()) }}
{%- endmacro %}

{% macro default__replay_label_observation_rows() -%}
    {%- set level = corridor.setting('corridor_confidence_level') -%}
    {%- set z = corridor.z_for_level(level) -%}
    {%- for m in corridor.replay_label_metrics() %}
    {%- set row = corridor.metric_row_sql(m, z, level) %}

    select
        stats.as_of,
        stats.model_id,
        stats.model_version,
        '{{ m["name"] }}' as metric,
        stats.segment_dimension,
        stats.segment_value,
        stats.window_grain,
        stats.window_start,
        cast({{ row['value'] }} as {{ corridor.type_double() }}) as observed_value,
        cast({{ row['se'] or 'null' }} as {{ corridor.type_double() }}) as observed_se,
        cast({{ row['lower'] or 'null' }} as {{ corridor.type_double() }}) as observed_lower,
        cast({{ row['upper'] or 'null' }} as {{ corridor.type_double() }}) as observed_upper,
        cast(coalesce({{ row['n'] }}, 0) as {{ dbt.type_bigint() }}) as sample_size

    from {{ 'histogram_stats' if m.get('from_histograms') else 'window_stats' }} as stats
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
