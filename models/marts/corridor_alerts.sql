{#-
    Alerts a person can act on: one row per alert episode (open or closed;
    closed ones are kept, so the table is the alert history as of this run,
    and corridor_alert_history keeps what every run believed). An alert opens
    only when a rule's confirmed breaches (surviving the false-discovery
    control) run for its consecutive_windows; it closes at the next pass.
    Stale-estimate alerts (alert_kind 'stale_estimate',
    int_corridor__stale_estimate_alerts) follow, in the same columns.
-#}
{#- the governance models are built first: a failing corridor.rules_hold test, which runs after this model, skips
    whatever is left downstream of the rules -#}
-- depends_on: {{ ref('corridor_governance_items') }}
-- depends_on: {{ ref('corridor_review_assignments') }}
with

episodes as (

    select * from {{ ref('int_corridor__alert_episodes') }}

),

diagnostics as (

    select * from {{ ref('int_corridor__alert_diagnostics') }}

),

attributions as (

    select * from {{ ref('int_corridor__alert_attribution') }}

),

feature_drift as (

    select * from {{ ref('int_corridor__alert_feature_drift') }}

),

final as (

    select
        episodes.*,
        diagnostics.segment_diagnostic,
        diagnostics.data_gate_diagnostic,
        diagnostics.data_gates_failed,
        attributions.attribution_diagnostic,
        feature_drift.drift_diagnostic,
        episodes.rule_id || ' v' || episodes.rule_version || ' ' || upper(episodes.breach_level)
        || ' (' || episodes.alert_status || ', severity ' || coalesce(episodes.severity, 'n/a') || ', owner ' || episodes.owner || '): '
        || episodes.metric || ' '
        || case when episodes.segment_dimension = 'all' then 'overall' else episodes.segment_dimension || '=' || episodes.segment_value end
        || ', model ' || episodes.model_id || ' ' || episodes.model_version
        || ', ' || cast(episodes.windows_breached as {{ dbt.type_string() }}) || ' ' || episodes.window_grain || ' window(s) breached from '
        || cast(episodes.first_seen_window_start as {{ dbt.type_string() }})
        || ' to ' || cast(episodes.last_seen_window_start as {{ dbt.type_string() }})
        || '; worst deviation ' || {{ corridor.format_number('episodes.worst_absolute_deviation') }}
        || coalesce(' (' || {{ corridor.format_number('100 * episodes.worst_relative_deviation') }} || '%)', '')
        || '; ' || diagnostics.segment_diagnostic
        || '; ' || diagnostics.data_gate_diagnostic
        || coalesce('; ' || attributions.attribution_diagnostic, '')
        || coalesce('; ' || feature_drift.drift_diagnostic, '') as summary

    from episodes
    left join diagnostics
        on episodes.alert_id = diagnostics.alert_id
    left join attributions
        on episodes.alert_id = attributions.alert_id
    left join feature_drift
        on episodes.alert_id = feature_drift.alert_id

),

{# estimates outrun by production's feature versions: alerts of their own, to the estimate's owner (docs/lineage.md) #}
stale_estimates as (

    select * from {{ ref('int_corridor__stale_estimate_alerts') }}

)

{#- the two kinds of alerts unioned by column name, in the order of the contract (the columns declared once, in
    _corridor__marts.yml): a column added to one branch, or in another place, cannot shift the others -#}
{%- set columns = model.columns.keys() | list %}

select
    {{ columns | join(',\n    ') if columns else '*' }}
from (
    select
        final.*,
        'validation' as alert_kind
    from final
) as validation_alerts

union all

select
    {{ columns | join(',\n    ') if columns else '*' }}
from stale_estimates
