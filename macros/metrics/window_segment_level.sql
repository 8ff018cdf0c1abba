{#-
    corridor.window_segment_level(source, grain, extra, measures): a select
    that sums the rows of a finer level of corridor.window_segment_rollup_ctes
    (`source`: model_id, model_version, window_grain, window_start,
    segment_dimension, segment_value, the `extra` columns, the measures) to
    the windows of `grain`, with the same columns: each measure's aggregate
    again over its partial results. `grain`'s windows must hold whole
    windows of the source's grain (corridor.finest_grain: hours nest in
    days, weeks and months; days in weeks and months).
-#}
{% macro window_segment_level(source, grain, extra, measures) -%}
    {{ return(adapter.dispatch('window_segment_level', 'corridor')(source, grain, extra, measures)) }}
{%- endmacro %}

{% macro default__window_segment_level(source, grain, extra, measures) -%}
select
        model_id,
        model_version,
        '{{ grain }}' as window_grain,
        {{ corridor.window_start(grain, 'window_start') }} as window_start,
        segment_dimension,
        segment_value,
        {{ corridor.window_segment_measures(extra, measures) }}

    from {{ source }}
    group by
        model_id,
        model_version,
        {{ corridor.window_start(grain, 'window_start') }},
        segment_dimension,
        segment_value{{ (',\n        ' ~ (extra | join(',\n        '))) if extra }}
{%- endmacro %}
