{#-
    The evidence behind corridor_model_decisions: the checks of the deciding
    rules (severity in corridor_decision_severities) of every model version,
    as seen at each decision point (cutoff) (drift rules, comparison_kind
    drift, never decide a version: their alerts go to the feature's owner):
    the version's own last window
    (the decision of this run), the first window of every later version of
    the same model, and the end of every day it served (its decision
    timeline, which names the version to roll back to: the last promoted). One row per cutoff × rule ×
    segment × window up to the cutoff, classed as
      fail, warn    a confirmed breach (surviving the false-discovery
                    control; its data gates passed, or it would be blocked)
      unconfirmed   a warn or fail the FDR control did not confirm: neither a
                    breach nor a pass
      pass, inconclusive, blocked   the check's status
    (missing windows carry no evidence and are left out), with the runs of
    consecutive same-class windows (islands) among the windows that are not
    blocked.
-#}
{%- set key = ['cutoff_at', 'model_id', 'model_version', 'rule_id', 'segment_dimension', 'segment_value', 'window_grain'] -%}

with

results as (

    select * from {{ ref('corridor_validation_results') }}
    where status <> 'missing'
        and severity in ({{ corridor.sql_string_list(corridor.setting('corridor_decision_severities')) }})
        {#- drift rules judge inputs, not the model: rolling a version back does not undo a drifted feature #}
        and comparison_kind <> 'drift'

),

versions as (

    select
        model_id,
        model_version,
        min(window_start) as first_window_start,
        max(window_end) as last_window_end

    from {{ ref('corridor_validation_results') }}
    where status <> 'missing'
    group by model_id, model_version

),

cutoff_points as (

    select
        model_id,
        model_version,
        first_window_start,
        last_window_end as cutoff_at,
        true as is_current

    from versions

    union

    {# each earlier version as it stood when a later version of the model started serving #}
    select
        earlier.model_id,
        earlier.model_version,
        earlier.first_window_start,
        later.first_window_start as cutoff_at,
        false as is_current

    from versions as earlier
    inner join versions as later
        on earlier.model_id = later.model_id
        and earlier.first_window_start < later.first_window_start
        and earlier.last_window_end >= later.first_window_start

    union

    {# and at the end of every day it served, so that "was it ever promoted" has an answer #}
    select distinct
        versions.model_id,
        versions.model_version,
        versions.first_window_start,
        day_results.window_end as cutoff_at,
        false as is_current

    from versions
    inner join {{ ref('corridor_validation_results') }} as day_results
        on versions.model_id = day_results.model_id
        and versions.model_version = day_results.model_version
        and day_results.window_grain = 'day'
        and day_results.status <> 'missing'
        and versions.last_window_end > day_results.window_end

),

cutoffs as (

    select
        model_id,
        model_version,
        min(first_window_start) as first_window_start,
        cutoff_at,
        max(case when is_current then 1 else 0 end) = 1 as is_current

    from cutoff_points
    group by model_id, model_version, cutoff_at

),

classed as (

    select
        cutoffs.cutoff_at,
        cutoffs.is_current,
        cutoffs.first_window_start,
        results.result_id,
        results.rule_id,
        results.model_id,
        results.model_version,
        results.segment_dimension,
        results.segment_value,
        results.window_grain,
        results.window_start,
        results.window_end,
        results.comparison_kind,
        results.sample_size,
        results.min_sample_size,
        results.warn_threshold,
        results.detectable_deviation,
        case
            when results.status in ('warn', 'fail') and not coalesce(results.is_confirmed_breach, false) then 'unconfirmed'
            else results.status
        end as evidence_class

    from results
    inner join cutoffs
        on results.model_id = cutoffs.model_id
        and results.model_version = cutoffs.model_version
        and results.window_end <= cutoffs.cutoff_at

),

judged as (

    select
        *,
        row_number() over (partition by {{ key | join(', ') }} order by window_start)
        - row_number() over (partition by {{ key | join(', ') }}, evidence_class order by window_start) as island

    from classed
    where evidence_class <> 'blocked'

),

islands as (

    select
        {{ key | join(', ') }},
        evidence_class,
        island,
        count(*) as island_windows,
        min(window_start) as island_start,
        max(window_start) as island_last_window

    from judged
    group by {{ key | join(', ') }}, evidence_class, island

),

final as (

    select
        classed.*,
        islands.island_windows,
        islands.island_start,
        islands.island_last_window

    from classed
    left join judged
        on classed.result_id = judged.result_id
        and classed.cutoff_at = judged.cutoff_at
    left join islands
        on {{ corridor.keys_equal('judged', 'islands', key + ['evidence_class', 'island']) }}

)

select * from final
