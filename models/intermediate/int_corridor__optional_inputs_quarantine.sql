{#-
    The rows of the optional inputs that cannot be used, in the columns
    corridor_quarantine unions: the governance inputs (approvals,
    acknowledgements, post-mortems, review roster:
    int_corridor__governance_inputs, record id a row hash) and the
    feature-lineage inputs (int_corridor__lineage_quarantine) and the offline
    evaluation input (int_corridor__offline_evaluation_checked), each with
    its reason codes and its raw values. Kept out of corridor_quarantine so
    that the mart stays one union over the inputs.
-#}

with

governance as (

    select
        input_name,
        record_key as event_id,
        cast(null as {{ dbt.type_string() }}) as model_id,
        cast(null as {{ dbt.type_string() }}) as model_version,
        raw_values,
        reason_codes,
        cast(null as {{ dbt.type_timestamp() }}) as event_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at

    from {{ ref('int_corridor__governance_inputs') }}
    where not is_accepted

),

lineage as (

    select * from {{ ref('int_corridor__lineage_quarantine') }}

),

{# the backtest rows of the offline evaluation input (docs/offline-evaluation.md) #}
offline_evaluation as (

    select
        'offline_evaluation' as input_name,
        record_key as event_id,
        model_id,
        model_version,
        raw_values,
        reason_codes,
        cast(null as {{ dbt.type_timestamp() }}) as event_at,
        cast(null as {{ dbt.type_timestamp() }}) as loaded_at

    from {{ ref('int_corridor__offline_evaluation_checked') }}
    where not is_accepted

),

unioned as (

    select * from governance

    union all

    select * from lineage

    union all

    select * from offline_evaluation

)

select * from unioned
