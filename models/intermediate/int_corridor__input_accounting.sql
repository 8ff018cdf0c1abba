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
{%- set outcome_reasons = corridor.outcome_rejection_reasons() -%}
{%- set event_reasons = corridor.event_rejection_reasons() -%}
{%- set estimate_reasons = corridor.estimate_rejection_reasons() -%}
{%- set governance_inputs_on = [] -%}
{%- for governance_input in ['approvals', 'alert_acknowledgements', 'post_mortems', 'review_roster', 'known_incidents']
    if corridor.input_config(governance_input)['enabled'] -%}{%- do governance_inputs_on.append(governance_input) -%}{%- endfor -%}

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
            where not {{ corridor.any_reason(outcome_reasons) }}
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
            where not {{ corridor.any_reason(estimate_reasons) }}
        ) as rows_accepted
    {%- for governance_input in governance_inputs_on %}

    union all

    select
        {{ corridor.sql_string(governance_input) }} as input_name,
        (
            select count(*)
            from governance_inputs
            where input_name = {{ corridor.sql_string(governance_input) }}
        ) as rows_read,
        (
            select count(*)
            from governance_inputs
            where input_name = {{ corridor.sql_string(governance_input) }} and is_accepted
        ) as rows_accepted
    {%- endfor %}
    {%- for input_name in ['feature_versions', 'estimate_feature_versions'] if corridor.lineage_input_enabled(input_name) %}

    union all

    select
        '{{ input_name }}' as input_name,
        (select count(*) from {{ ref('stg_corridor__' ~ input_name) }}) as rows_read,
        (
            select count(*)
            from {{ ref('int_corridor__' ~ input_name ~ '_checked') }}
            where is_valid
        ) as rows_accepted
    {%- endfor %}
    {%- if corridor.input_config('offline_evaluation')['enabled'] %}

    union all

    select
        'offline_evaluation' as input_name,
        (select count(*) from {{ ref('stg_corridor__offline_evaluation') }}) as rows_read,
        (
            select count(*)
            from {{ ref('int_corridor__offline_evaluation_checked') }}
            where is_accepted
        ) as rows_accepted
    {%- endif %}

),

final as (

    select
        cast(counts.input_name as {{ dbt.type_string() }}) as input_name,
        cast(case counts.input_name
            {%- for name in ['production_events', 'outcomes', 'approvals', 'alert_acknowledgements', 'post_mortems', 'review_roster',
                'known_incidents', 'feature_versions', 'estimate_feature_versions', 'offline_evaluation']
                if corridor.input_config(name)['enabled'] %}
            when {{ corridor.sql_string(name) }} then {{ corridor.sql_string(corridor.input_relation_name(name)) }}
            {%- endfor %}
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
