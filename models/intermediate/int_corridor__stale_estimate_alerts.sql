{#-
    Stale-estimate alerts, in the columns of corridor_alerts (which appends
    them with alert_kind 'stale_estimate'): one per run of windows of a rule
    series (rule x model version x segment x grain) whose checks used an
    offline estimate that production's feature versions have outrun
    (corridor_validation_results.estimate_is_stale). It opens with the first
    stale window (the run grouping of corridor.alert_episodes, in
    int_corridor__stale_estimate_episodes) and closes at the series' next window whose estimate is not
    stale (the estimate was refreshed, or production went back to the versions
    it saw). It goes to the estimate's owner (offline estimates' owner column,
    else changed_by, else the rule's owner): the offline estimator needs a
    refresh; the rule's owner is not paged for it (the rule's escalation path
    is kept, for when the estimate's owner does not answer).
-#}
{%- set series = ['rule_id', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain'] -%}

with

episodes as (

    select * from {{ ref('int_corridor__stale_estimate_episodes') }}

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

final as (

    select
        {{ dbt.hash(dbt.concat([
            "'stale_estimate|'", 'episodes.rule_id', "'|'", 'episodes.model_id', "'|'", 'episodes.model_version', "'|'",
            'episodes.segment_dimension', "'|'", 'episodes.segment_value', "'|'", 'episodes.window_grain', "'|'",
            dbt.cast('episodes.first_seen_window_start', dbt.type_string())
        ])) }} as alert_id,
        {%- for key in series %}
        episodes.{{ key }},
        {%- endfor %}
        episodes.rule_version,
        episodes.hypothesis,
        episodes.metric,
        episodes.comparison_kind,
        episodes.direction,
        case when episodes.closed_window_start is null then 'open' else 'closed' end as alert_status,
        'warn' as breach_level,
        episodes.first_seen_window_start,
        episodes.opened_window_start,
        episodes.last_seen_window_start,
        episodes.last_seen_window_end,
        episodes.closed_window_start,
        cast(episodes.windows_breached as {{ dbt.type_bigint() }}) as windows_breached,
        cast(0 as {{ dbt.type_bigint() }}) as windows_failed,
        cast(1 as {{ dbt.type_int() }}) as consecutive_windows,
        cast(null as {{ corridor.type_double() }}) as worst_bad_deviation,
        cast(null as {{ corridor.type_double() }}) as worst_absolute_deviation,
        cast(null as {{ corridor.type_double() }}) as worst_relative_deviation,
        cast(null as {{ dbt.type_timestamp() }}) as worst_window_start,
        cast(null as {{ corridor.type_double() }}) as smallest_q_value,
        episodes.last_expected_value,
        episodes.last_expected_source,
        episodes.last_production_value,
        episodes.last_reason,
        coalesce(estimate_owners.estimate_owner, estimate_owners.estimate_changed_by, episodes.owner) as owner,
        {#- unanswered, it escalates along the rule's path -#}
        episodes.escalation_path,
        episodes.severity,
        'warn' as dbt_severity,
        episodes.evidence_result_ids,
        cast(null as {{ dbt.type_string() }}) as segment_diagnostic,
        'data gates not consulted: the offline estimate, not the data, is out of date' as data_gate_diagnostic,
        false as data_gates_failed,
        cast(null as {{ dbt.type_string() }}) as attribution_diagnostic,
        cast(null as {{ dbt.type_string() }}) as drift_diagnostic,
        episodes.rule_id || ' v' || episodes.rule_version || ' STALE ESTIMATE ('
        || case when episodes.closed_window_start is null then 'open' else 'closed' end
        || ', owner ' || coalesce(estimate_owners.estimate_owner, estimate_owners.estimate_changed_by, episodes.owner)
        || '): offline estimator needs a refresh: estimate ' || coalesce(episodes.expected_estimate_id, '(no id)')
        || ' of ' || episodes.metric || ' '
        || case when episodes.segment_dimension = 'all' then 'overall' else episodes.segment_dimension || '=' || episodes.segment_value end
        || ', model ' || episodes.model_id || ' ' || episodes.model_version
        || ', was computed without the feature versions production ran on: ' || episodes.estimate_stale_features
        || '; ' || cast(episodes.windows_breached as {{ dbt.type_string() }}) || ' ' || episodes.window_grain || ' window(s) from '
        || cast(episodes.first_seen_window_start as {{ dbt.type_string() }})
        || ' to ' || cast(episodes.last_seen_window_start as {{ dbt.type_string() }}) as summary,
        'stale_estimate' as alert_kind

    from episodes
    left join estimate_owners
        on episodes.expected_estimate_id = estimate_owners.estimate_id

)

select * from final
