{#-
    corridor.alert_episodes(results, partition_by=[]): the alert episodes of a
    relation of validation results (corridor_validation_results' columns),
    one query. partition_by names extra keys that split the series (the
    replay's as_of: every point in time gets its own episodes); alert_id
    does not include them, so an alert keeps its id across replay points.
    The rules: per series (rule × model
      version × segment × grain, across rule versions), in window order:

      - a window counts as a breach only when it is a confirmed breach (status
        warn or fail and q-value within var corridor_fdr_level);
      - an episode starts at the first breach after a pass and lasts until the
        next pass; windows in between that are missing, inconclusive, blocked
        or unconfirmed neither extend nor end it;
      - the episode becomes an alert when it holds a run of adjacent breach
        windows as long as the rule's consecutive_windows; it opens at the end
        of the window that completes that run;
      - the alert is `closed` at the first pass after it, `open` otherwise.
      Rolling windows (corridor.rolling_windows) overlap: adjacent windows
      start one day apart, and one incident makes every window containing its
      days breach, which is one episode, so one alert.

    Other kinds of alert reuse the same run grouping with their own
    conditions (boolean SQL expressions over the results' columns): `breach`
    (default is_confirmed_breach) marks a window of the episode, `settles`
    (default status = 'pass') ends it, `run_length` (default the rule's
    consecutive_windows) is the run of adjacent breach windows that opens it,
    and `carry` names extra columns taken from the episode's latest window.
    The stale-estimate alerts: breach estimate_is_stale, settles not
    estimate_is_stale, run_length 1.

    shared (optional) is for results that fan one set of windows out over
    settings (the rule calibration's candidates): a dict with `relation`,
    the windows before the fan-out, `keys`, the partition_by keys it lacks
    (candidate_id), `row_keys`, the keys that match a result to its window
    there with the other partition_by keys (result_id), and `may_breach`,
    a condition on it that holds for every window any setting may count as
    a breach (is_breach). The passes and their running count then come from
    the shared windows once, not once per setting, and only the breach
    windows of `results` are read: the same episodes at a fraction of the
    cost (settles must not depend on the fanned-out keys).
-#}
{% macro alert_episodes(results, partition_by=[], breach='is_confirmed_breach', settles="status = 'pass'",
        run_length='consecutive_windows', carry=[], shared=none) -%}
    {{ return(adapter.dispatch('alert_episodes', 'corridor')(results, partition_by, breach, settles, run_length, carry, shared)) }}
{%- endmacro %}


{% macro default__alert_episodes(results, partition_by, breach, settles, run_length, carry, shared) -%}
    {%- set string = dbt.type_string() -%}
    {%- set rolling = corridor.rolling_windows() | map(attribute='name') | list -%}
    {%- set alert_series = ['rule_id', 'model_id', 'model_version', 'segment_dimension', 'segment_value', 'window_grain'] -%}
    {%- set series = partition_by + alert_series -%}
    {#- the keys of the pass groups: without the fanned-out keys when the passes are shared -#}
    {%- set pass_series = series | reject('in', shared['keys'] if shared else []) | list -%}

    with

    indexed as (

        select
            {#- shared: only what the groups and the match to the fanned-out breaches need #}
            {{ (pass_series + shared['row_keys'] + ['window_start']) | unique | join(', ') if shared else '*' }},
            {#- rolling windows start every day and overlap: adjacent means one day apart (docs/windows.md#rolling-windows) -#}
            cast(floor(({{ corridor.epoch_seconds('window_start') }}) / (
                {%- if rolling %}case when window_grain in ({{ corridor.sql_string_list(rolling) }}) then 86400 else {% endif -%}
                {{ corridor.epoch_seconds('window_end') }} - {{ corridor.epoch_seconds('window_start') }}
                {%- if rolling %} end{% endif -%}
            )) as {{ dbt.type_bigint() }}) as window_index,
            case when {{ settles }} then 1 else 0 end as is_pass

        {#- only the windows that settle or breach are read below (the running count of passes, the breaches, the
            closing passes): the others neither extend nor end an episode, and the window function over every
            window of every series cost a third of the replay calibration's alerts on the demo #}
        {%- if shared %}
        from {{ shared['relation'] }}
        where ({{ settles }}) or ({{ shared['may_breach'] }})
        {%- else %}
        from {{ results }}
        where ({{ settles }}) or ({{ breach }})
        {%- endif %}

    ),

    grouped as (

        select
            *,
            sum(is_pass) over (
                partition by {{ pass_series | join(', ') }}
                order by window_start
                rows between unbounded preceding and current row
            ) as pass_group

        from indexed

    ),
    {%- if shared %}

    breach_rows as (

        select * from {{ results }}
        where {{ breach }}

    ),

    breach_windows as (

        {#- each setting's breach windows, with the pass group of their shared window -#}
        select
            breach_rows.*,
            grouped.window_index,
            grouped.is_pass,
            grouped.pass_group

        from breach_rows
        inner join grouped
            on {{ corridor.keys_equal('breach_rows', 'grouped', shared['row_keys'] + partition_by | reject('in', shared['keys']) | list) }}

    ),
    {%- endif %}

    breaches as (

        select
            *,
            window_index - row_number() over (
                partition by {{ series | join(', ') }}, pass_group
                order by window_start
            ) as run_key

        {%- if shared %}
        from breach_windows
        {%- else %}
        from grouped
        where {{ breach }}
        {%- endif %}

    ),

    positioned as (

        select
            *,
            row_number() over (
                partition by {{ series | join(', ') }}, pass_group, run_key
                order by window_start
            ) as position_in_run

        from breaches

    ),

    openings as (

        select
            {{ series | join(', ') }},
            pass_group,
            min(window_start) as opened_window_start

        from positioned
        where position_in_run >= {{ run_length }}
        group by {{ series | join(', ') }}, pass_group

    ),

    closings as (

        {#- the pass that starts group g + 1 closes the episode of group g -#}
        select
            {{ pass_series | join(', ') }},
            pass_group - 1 as pass_group,
            min(window_start) as closed_window_start

        from grouped
        where is_pass = 1
        group by {{ pass_series | join(', ') }}, pass_group

    ),

    episodes as (

        select
            {%- for key in series %}
            positioned.{{ key }},
            {%- endfor %}
            positioned.pass_group,
            min(positioned.window_start) as first_seen_window_start,
            max(positioned.window_start) as last_seen_window_start,
            max(positioned.window_end) as last_seen_window_end,
            count(*) as windows_breached,
            cast(sum(case when positioned.status = 'fail' then 1 else 0 end) as {{ dbt.type_bigint() }}) as windows_failed,
            max(positioned.bad_deviation) as worst_bad_deviation,
            min(positioned.q_value) as smallest_q_value,
            {{ corridor.ordered_listagg('positioned.result_id', "','", 'order by positioned.window_start') }} as evidence_result_ids

        from positioned
        group by {%- for key in series %} positioned.{{ key }},{%- endfor %} positioned.pass_group

    ),

    latest_in_episode as (

        select
            {{ series | join(', ') }},
            pass_group,
            rule_version,
            hypothesis,
            metric,
            comparison_kind,
            direction,
            owner,
            escalation_path,
            severity,
            dbt_severity,
            consecutive_windows,
            expected_value,
            expected_source,
            production_value,
            absolute_deviation,
            relative_deviation,
            reason,
            {%- for column in carry %}
            {{ column }},
            {%- endfor %}
            row_number() over (partition by {{ series | join(', ') }}, pass_group order by window_start desc) as recency

        from positioned

    ),

    worst_in_episode as (

        select
            {{ series | join(', ') }},
            pass_group,
            window_start as worst_window_start,
            relative_deviation as worst_relative_deviation,
            absolute_deviation as worst_absolute_deviation,
            row_number() over (partition by {{ series | join(', ') }}, pass_group order by bad_deviation desc, window_start asc) as
                rank_by_deviation

        from positioned

    ),

    final as (

        select
            {{ dbt.hash(dbt.concat([
                'episodes.rule_id', "'|'", 'episodes.model_id', "'|'", 'episodes.model_version', "'|'",
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
            case when episodes.windows_failed > 0 then 'fail' else 'warn' end as breach_level,
            episodes.first_seen_window_start,
            openings.opened_window_start,
            episodes.last_seen_window_start,
            episodes.last_seen_window_end,
            closings.closed_window_start,
            episodes.windows_breached,
            episodes.windows_failed,
            latest.consecutive_windows,
            episodes.worst_bad_deviation,
            worst.worst_absolute_deviation,
            worst.worst_relative_deviation,
            worst.worst_window_start,
            episodes.smallest_q_value,
            latest.expected_value as last_expected_value,
            latest.expected_source as last_expected_source,
            latest.production_value as last_production_value,
            latest.reason as last_reason,
            latest.owner,
            latest.escalation_path,
            latest.severity,
            latest.dbt_severity,
            {%- for column in carry %}
            latest.{{ column }},
            {%- endfor %}
            episodes.evidence_result_ids

        from episodes
        inner join openings
            on {% for key in series %}episodes.{{ key }} = openings.{{ key }} and {% endfor %}episodes.pass_group = openings.pass_group
        inner join latest_in_episode as latest
            on {% for key in series %}episodes.{{ key }} = latest.{{ key }} and {% endfor %}episodes.pass_group = latest.pass_group
            and latest.recency = 1
        inner join worst_in_episode as worst
            on {% for key in series %}episodes.{{ key }} = worst.{{ key }} and {% endfor %}episodes.pass_group = worst.pass_group
            and worst.rank_by_deviation = 1
        left join closings
            on {% for key in pass_series %}episodes.{{ key }} = closings.{{ key }} and {% endfor %}episodes.pass_group = closings.pass_group

    )

    select * from final
{%- endmacro %}
