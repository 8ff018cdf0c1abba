{#
    corridor.label_free_estimates_cte(windows): while the label-free estimate
    is built (corridor.label_free_enabled), the CTE label_free_estimates
    (preceded by blank lines, followed by a comma): its estimates with the
    window_end of the production window they describe, read from the relation
    `windows` (columns model_id, model_version, window_grain,
    segment_dimension, segment_value, window_start, window_end, metric: its
    request_count rows); nothing otherwise.
#}
{% macro label_free_estimates_cte(windows) -%}
    {{ return(adapter.dispatch('label_free_estimates_cte', 'corridor')(windows)) }}
{%- endmacro %}

{% macro default__label_free_estimates_cte(windows) -%}
{%- if corridor.label_free_enabled() %}

{# the label-free expected performance (docs/label-free.md), while var corridor_label_free_reference is set #}
label_free_estimates as (

    select
        estimates.*,
        windows.window_end

    from {{ corridor.label_free_ref('estimates') }} as estimates
    left join {{ windows }} as windows
        on estimates.model_id = windows.model_id
        and estimates.model_version = windows.model_version
        and estimates.window_grain = windows.window_grain
        and estimates.segment_dimension = windows.segment_dimension
        and estimates.segment_value = windows.segment_value
        and estimates.window_start = windows.window_start
        and windows.metric = 'request_count'

),
{%- endif %}
{%- endmacro %}
