{#-
    Which invocation last built int_corridor__production_window_stats: one
    row, that invocation (stats_invocation_id; null when the statistics did
    not compile in it, a selection of this model without them) and this
    run's time.

    The next run's corridor.version_lookback_starts reads it before this
    model is rebuilt (corridor.built_model_relation): when it names the
    build the enriched events' kept rows come from
    (corridor.events_enriched_scope), the statistics of the windows before
    the earliest start the events were recomputed from were computed from
    those very events, and only the windows from there on are compared.
-#}
-- depends_on: {{ ref('int_corridor__production_window_stats') }}
{%- set built = corridor.built_in_invocation('int_corridor__production_window_stats') %}

with

final as (

    select
        cast({{ corridor.sql_string(invocation_id) if built else 'null' }} as {{ dbt.type_string() }}) as stats_invocation_id,
        cast({{ corridor.run_time() }} as {{ dbt.type_timestamp() }}) as built_at

)

select * from final
