{#-
    Stale-estimate alerts, in the columns of corridor_alerts (which appends
    them with alert_kind 'stale_estimate'): one per run of windows of a rule
    series (rule x model version x segment x grain) whose checks used an
    offline estimate that production's feature versions have outrun
    (corridor_validation_results.estimate_is_stale). It opens with the first
    stale window and closes at the series' next window whose estimate is not
    stale (the estimate was refreshed, or production went back to the versions
    it saw). It goes to the estimate's owner (offline estimates' owner column,
    else changed_by, else the rule's owner): the offline estimator needs a
    refresh; the rule's owner is not paged for it (the rule's escalation path
    is kept, for when the estimate's owner does not answer).
-#}
{%- set string = dbt.type_string() -%}
{%- set double = corridor.type_double() -%}
{%- set series = ['rule_id', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain'] -%}

with

results as (

    select
        *,
        case when estimate_is_stale then 0 else 1 end as is_fresh

    from {{ ref('corridor_validation_results') }}

),

estimate_owners as (

    select
        estimate_id,
        max(owner) as estimate_owner,
        max(changed_by) as estimate_changed_by

    from {{ ref('stg_corridor__offline_estimates') }}
    where estimate_id is not null
    group by estimate_id

),

grouped as (

    select
        *,
        sum(is_fresh) over (
            partition by {{ series | join(', ') }}
            order by window_start
            rows between unbounded preceding and current row
        ) as fresh_group

    from results

),

stale as (

    select * from grouped
    where estimate_is_stale

),

episodes as (

    select
        {{ series | join(', ') }},
        fresh_group,
        min(window_start) as first_seen_window_start,
        max(window_start) as last_seen_window_start,
        max(window_end) as last_seen_window_end,
        count(*) as windows_stale,
        {{ dbt.listagg('result_id', "','", 'order by window_start') }} as evidence_result_ids

    from stale
    group by {{ series | join(', ') }}, fresh_group

),

closings as (

    {#- the first fresh window after a stale run starts group g + 1 and closes the run of group g -#}
    select
        {{ series | join(', ') }},
        fresh_group - 1 as fresh_group,
        min(window_start) as closed_window_start

    from grouped
    where is_fresh = 1
    group by {{ series | join(', ') }}, fresh_group

),

latest as (

    select
        *,
        row_number() over (partition by {{ series | join(', ') }}, fresh_group order by window_start desc) as recency

    from stale

),

final as (

    select
        {{ dbt.hash(dbt.concat([
            "'stale_estimate|'", 'episodes.rule_id', "'|'", 'episodes.model_id', "'|'", 'episodes.model_version', "'|'",
            'episodes.segment_dimension', "'|'", 'episodes.segment_value', "'|'", 'episodes.window_grain', "'|'",
            dbt.cast('episodes.first_seen_window_start', string)
        ])) }} as alert_id,
        {%- for key in series %}
        episodes.{{ key }},
        {%- endfor %}
        latest.rule_version,
        latest.hypothesis,
        latest.metric,
        latest.comparison_kind,
        latest.direction,
        case when closings.closed_window_start is null then 'open' else 'closed' end as alert_status,
        'warn' as breach_level,
        episodes.first_seen_window_start,
        episodes.first_seen_window_start as opened_window_start,
        episodes.last_seen_window_start,
        episodes.last_seen_window_end,
        closings.closed_window_start,
        cast(episodes.windows_stale as {{ dbt.type_bigint() }}) as windows_breached,
        cast(0 as {{ dbt.type_bigint() }}) as windows_failed,
        cast(1 as {{ dbt.type_int() }}) as consecutive_windows,
        cast(null as {{ double }}) as worst_bad_deviation,
        cast(null as {{ double }}) as worst_absolute_deviation,
        cast(null as {{ double }}) as worst_relative_deviation,
        cast(null as {{ dbt.type_timestamp() }}) as worst_window_start,
        cast(null as {{ double }}) as smallest_q_value,
        latest.expected_value as last_expected_value,
        latest.expected_source as last_expected_source,
        latest.production_value as last_production_value,
        latest.reason as last_reason,
        coalesce(estimate_owners.estimate_owner, estimate_owners.estimate_changed_by, latest.owner) as owner,
        {#- unanswered, it escalates along the rule's path -#}
        latest.escalation_path,
        latest.severity,
        'warn' as dbt_severity,
        episodes.evidence_result_ids,
        cast(null as {{ string }}) as segment_diagnostic,
        'data gates not consulted: the offline estimate, not the data, is out of date' as data_gate_diagnostic,
        false as data_gates_failed,
        cast(null as {{ string }}) as attribution_diagnostic,
        cast(null as {{ string }}) as drift_diagnostic,
        episodes.rule_id || ' v' || latest.rule_version || ' STALE ESTIMATE ('
        || case when closings.closed_window_start is null then 'open' else 'closed' end
        || ', owner ' || coalesce(estimate_owners.estimate_owner, estimate_owners.estimate_changed_by, latest.owner)
        || '): offline estimator needs a refresh: estimate ' || coalesce(latest.expected_estimate_id, '(no id)')
        || ' of ' || latest.metric || ' ' || case when episodes.segment_dimension = 'all' then 'overall' else episodes.segment_dimension || '=' || episodes.segment_value end
        || ', model ' || episodes.model_id || ' ' || episodes.model_version
        || ', was computed without the feature versions production ran on: ' || latest.estimate_stale_features
        || '; ' || cast(episodes.windows_stale as {{ string }}) || ' ' || episodes.window_grain || ' window(s) from '
        || cast(episodes.first_seen_window_start as {{ string }}) || ' to ' || cast(episodes.last_seen_window_start as {{ string }}) as summary,
        'stale_estimate' as alert_kind

    from episodes
    inner join latest
        on {% for key in series %}episodes.{{ key }} = latest.{{ key }} and {% endfor %}episodes.fresh_group = latest.fresh_group
        and latest.recency = 1
    left join closings
        on {% for key in series %}episodes.{{ key }} = closings.{{ key }} and {% endfor %}episodes.fresh_group = closings.fresh_group
    left join estimate_owners
        on latest.expected_estimate_id = estimate_owners.estimate_id

)

select * from final
