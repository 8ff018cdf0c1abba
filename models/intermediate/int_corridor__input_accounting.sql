{#-
    Row accounting of this build, one row per input: rows read (every row
    of the input relation), rows accepted (used downstream) and rows
    quarantined (in corridor_quarantine). Accepted rows are counted where
    they are used (production events: int_corridor__events_enriched, one
    row per accepted event), independently of the quarantine, so
    rows_read = rows_accepted + rows_quarantined is a real check
    (is_balanced); the governance inputs, when on, are counted from
    int_corridor__governance_inputs. The on-run-end hook copies it into corridor_input_accounting.
-#}
{%- set governance_inputs_on = corridor.enabled_governance_inputs() -%}

with

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

outcomes as (

    select * from {{ ref('stg_corridor__outcomes') }}

),

estimates as (

    select * from {{ ref('stg_corridor__offline_estimates') }}

),

enriched as (

    select * from {{ ref('int_corridor__events_enriched') }}

),

{%- if governance_inputs_on %}

governance_inputs as (

    select * from {{ ref('int_corridor__governance_inputs') }}

),
{%- endif %}

quarantine as (

    select * from {{ ref('corridor_quarantine') }}

),

quarantined as (

    select
        input_name,
        count(*) as rows_quarantined

    from quarantine
    group by input_name

),

counts as (

    select
        'production_events' as input_name,
        (select count(*) from events) as rows_read,
        (select count(*) from enriched) as rows_accepted

    union all

    select
        'outcomes' as input_name,
        (select count(*) from outcomes) as rows_read,
        {#- outcomes joined to no accepted event are known only to the
            quarantine: accepted = valid outcomes minus those #}
        (
            select count(*)
            from outcomes
            where not {{ corridor.any_reason(corridor.outcome_rejection_reasons()) }}
        )
        - (
            select count(*)
            from quarantine
            where input_name = 'outcomes'
                and reason_codes in ('unknown_event', 'event_not_accepted')
        ) as rows_accepted

    union all

    select
        'offline_estimates' as input_name,
        (select count(*) from estimates) as rows_read,
        (
            select count(*)
            from estimates
            where not {{ corridor.any_reason(corridor.estimate_rejection_reasons()) }}
        ) as rows_accepted
    {{- corridor.optional_input_row_counts(governance_inputs_on) }}

),

final as (

    select
        cast(counts.input_name as {{ dbt.type_string() }}) as input_name,
        cast(case counts.input_name
            {{- corridor.input_relation_when_branches() }}
            else {{ corridor.sql_string(corridor.input_relation_name('offline_estimates')) }}
        end as {{ dbt.type_string() }}) as input_relation,
        cast(counts.rows_read as {{ dbt.type_bigint() }}) as rows_read,
        cast(counts.rows_accepted as {{ dbt.type_bigint() }}) as rows_accepted,
        cast(coalesce(quarantined.rows_quarantined, 0) as {{ dbt.type_bigint() }}) as rows_quarantined,
        counts.rows_read = counts.rows_accepted + coalesce(quarantined.rows_quarantined, 0) as is_balanced

    from counts
    left join quarantined
        on counts.input_name = quarantined.input_name

)

select * from final
