{{
    config(
        materialized='incremental',
        unique_key=['review_period', 'period_start'],
        incremental_strategy=('insert_overwrite' if target.type == 'spark' else 'delete+insert'),
        pre_hook=["{{ corridor.stage_previous_rows(this) }}"],
        post_hook=["{{ corridor.drop_previous_rows(this) }}"],
        on_schema_change='append_new_columns',
    )
}}
{#-
    The review rotation (docs/governance.md): each period
    (corridor_review_period: day, week or month on the calendar of
    corridor_time_zone) that has validation results is assigned to one
    reviewer of the optional roster input (var corridor_review_roster).
    Rule, deterministic and documented: the reviewers active at the period's
    start (active_from <= start < active_to, either bound optional) are
    ordered by rotation_order (nulls last) then name, positions 0 .. n - 1;
    the period goes to position (periods since 1900-01-01, a Monday) mod n,
    so consecutive periods go round the roster in order whatever periods
    have data. Once a period has a reviewer it keeps them: later runs refresh
    its counts but never reassign it (a roster change affects new periods
    only); a period with no active reviewer stays unassigned (reviewer null)
    until the roster covers it. Incremental and never wiped by --full-refresh;
    every run selects every row the table keeps (the other review periods'
    rows unchanged), as Spark rewrites the whole table
    (corridor.previous_rows_relation).
    Without the roster input the table is empty.
-#}
{%- set period = corridor.setting('corridor_review_period') -%}
-- depends_on: {{ ref('corridor_run_history') }}

with

results as (

    select * from {{ ref('corridor_validation_results') }}

),

roster as (

    {{ corridor.accepted_governance_rows('review_roster') }}

),

periods as (

    select
        {{ corridor.window_start(period, 'window_start') }} as period_start,
        count(*) as n_results,
        sum(case when status = 'fail' then 1 else 0 end) as n_fail,
        sum(case when status = 'warn' then 1 else 0 end) as n_warn,
        count(distinct model_id) as n_models

    from results
    {{ corridor.where_clause(none if corridor.input_config('review_roster')['enabled'] else '1 = 0') }}
    group by 1

),

eligible as (

    select
        periods.period_start,
        roster.reviewer,
        min(roster.rotation_order) as rotation_order

    from periods
    inner join roster
        on (roster.active_from is null or periods.period_start >= roster.active_from)
        and (roster.active_to is null or periods.period_start < roster.active_to)
    group by 1, 2

),

ranked as (

    select
        period_start,
        reviewer,
        row_number() over (partition by period_start order by case when rotation_order is null then 1 else 0 end, rotation_order, reviewer)
        - 1 as reviewer_position,
        count(*) over (partition by period_start) as n_reviewers

    from eligible

),

rotated as (

    select
        periods.period_start,
        periods.n_results,
        periods.n_fail,
        periods.n_warn,
        periods.n_models,
        ranked.reviewer,
        ranked.reviewer_position,
        ranked.n_reviewers

    from periods
    left join ranked
        on periods.period_start = ranked.period_start
        and ranked.reviewer_position = mod(
            cast({{ dbt.datediff(
                "cast('1900-01-01' as " ~ dbt.type_timestamp() ~ ")", corridor.to_local_time('periods.period_start'), period
            ) }} as {{ dbt.type_bigint() }}),
            ranked.n_reviewers
        )

),

{%- if is_incremental() %}

previous as (

    select * from {{ corridor.previous_rows_relation(this) }}

),

kept as (

    select * from previous
    where review_period = {{ corridor.sql_string(period) }}
        and reviewer is not null

),

{%- endif %}

final as (

    select
        cast({{ dbt.hash(dbt.concat([
            corridor.sql_string(period), "'|'", dbt.cast('rotated.period_start', dbt.type_string())
        ])) }} as {{ dbt.type_string() }}) as assignment_id,
        cast({{ corridor.sql_string(period) }} as {{ dbt.type_string() }}) as review_period,
        {%- if is_incremental() %}
        cast(coalesce(kept.reviewer, rotated.reviewer) as {{ dbt.type_string() }}) as reviewer,
        cast(case when kept.reviewer is not null then kept.reviewer_position else rotated.reviewer_position end as {{ dbt.type_int() }})
            as reviewer_position,
        cast(case when kept.reviewer is not null then kept.n_reviewers else rotated.n_reviewers end as {{ dbt.type_int() }}) as n_reviewers,
        cast(coalesce(kept.invocation_id, {{ corridor.sql_string(invocation_id) }}) as {{ dbt.type_string() }}) as invocation_id,
        {%- else %}
        cast(rotated.reviewer as {{ dbt.type_string() }}) as reviewer,
        cast(rotated.reviewer_position as {{ dbt.type_int() }}) as reviewer_position,
        cast(rotated.n_reviewers as {{ dbt.type_int() }}) as n_reviewers,
        cast({{ corridor.sql_string(invocation_id) }} as {{ dbt.type_string() }}) as invocation_id,
        {%- endif %}
        cast(rotated.n_results as {{ dbt.type_bigint() }}) as n_results,
        cast(rotated.n_fail as {{ dbt.type_bigint() }}) as n_fail,
        cast(rotated.n_warn as {{ dbt.type_bigint() }}) as n_warn,
        cast(rotated.n_models as {{ dbt.type_int() }}) as n_models,
        cast(rotated.period_start as {{ dbt.type_timestamp() }}) as period_start,
        cast({{ corridor.window_end(period, 'rotated.period_start') }} as {{ dbt.type_timestamp() }}) as period_end,
        cast({{ corridor.review_assigned_at('rotated.reviewer', 'kept.assigned_at') }} as {{ dbt.type_timestamp() }}) as assigned_at

    from rotated
    {%- if is_incremental() %}
    left join kept
        on rotated.period_start = kept.period_start
    {%- endif %}

)

select * from final
{%- if is_incremental() %}
union all
-- the rows of other review periods (an earlier corridor_review_period) stay as they are
select * from previous
where review_period <> {{ corridor.sql_string(period) }}
{%- endif %}
