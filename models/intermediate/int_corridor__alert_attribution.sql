{#-
    The attribution line of each alert on an additive metric: the gap of the
    alert's worst window split into rate and mix (corridor_discrepancy_attribution)
    and its top three segment contributors, over every dimension for an
    overall alert and over the alert's own dimension for a segment alert.
    One row per alert that has an attribution; corridor_alerts appends the
    line to its summary.
-#}
{%- set top = 3 -%}

with

alerts as (

    select * from {{ ref('int_corridor__alert_episodes') }}

),

attribution as (

    select * from {{ ref('corridor_discrepancy_attribution') }}

),

matched as (

    select
        alerts.alert_id,
        attribution.segment_dimension,
        attribution.segment_value,
        attribution.contribution,
        attribution.contribution_se,
        attribution.rate_contribution,
        attribution.mix_contribution,
        attribution.overall_gap,
        attribution.rate_effect,
        attribution.mix_effect,
        row_number() over (
            partition by alerts.alert_id
            order by abs(attribution.contribution) desc nulls last, attribution.segment_dimension asc, attribution.segment_value asc
        ) as alert_rank

    from alerts
    inner join attribution
        on alerts.model_id = attribution.model_id
        and alerts.model_version = attribution.model_version
        and alerts.metric = attribution.metric
        and alerts.window_grain = attribution.window_grain
        and alerts.worst_window_start = attribution.window_start
        and (alerts.segment_dimension = 'all' or alerts.segment_dimension = attribution.segment_dimension)

),

lines as (

    select
        alert_id,
        max(case when alert_rank = 1 then segment_dimension end) as top_dimension,
        max(case when alert_rank = 1 then segment_value end) as top_segment_value,
        max(case when alert_rank = 1 then overall_gap end) as overall_gap,
        max(case when alert_rank = 1 then rate_effect end) as rate_effect,
        max(case when alert_rank = 1 then mix_effect end) as mix_effect,
        {{ corridor.ordered_listagg(
            "segment_dimension || '=' || segment_value || ' ' || " ~ corridor.format_number('contribution')
            ~ " || ' +/- ' || " ~ corridor.format_number('contribution_se')
            ~ " || ' (rate ' || " ~ corridor.format_number('rate_contribution')
            ~ " || ', mix ' || " ~ corridor.format_number('mix_contribution') ~ " || ')'",
            "', '",
            'order by alert_rank'
        ) }} as top_contributors

    from matched
    where alert_rank <= {{ top }}
    group by alert_id

),

final as (

    select
        alert_id,
        top_dimension,
        top_segment_value,
        'attribution of the overall gap ' || {{ corridor.format_number('overall_gap') }}
        || ' in the worst window (' || top_dimension || '): rate ' || {{ corridor.format_number('rate_effect') }}
        || ', mix ' || {{ corridor.format_number('mix_effect') }}
        || '; top contributors ' || top_contributors as attribution_diagnostic

    from lines

)

select * from final
