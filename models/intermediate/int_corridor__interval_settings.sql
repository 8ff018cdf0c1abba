{#-
    The interval settings as one row, so that Python models (which cannot
    read vars) get them from the same place as the SQL models:
    corridor.setting() with the package defaults.
-#}
select
    cast({{ corridor.setting('corridor_bootstrap_resamples') }} as {{ dbt.type_bigint() }}) as n_resamples,
    cast({{ corridor.setting('corridor_sql_bootstrap_resamples') }} as {{ dbt.type_bigint() }}) as sql_n_resamples,
    cast({{ corridor.setting('corridor_bootstrap_seed') }} as {{ dbt.type_bigint() }}) as seed,
    cast({{ corridor.setting('corridor_bootstrap_max_shared_events') }} as {{ dbt.type_bigint() }}) as max_shared_events,
    cast({{ corridor.setting('corridor_bootstrap_asymptotic_events') }} as {{ dbt.type_bigint() }}) as asymptotic_events,
    cast({{ corridor.setting('corridor_bootstrap_batch_rows') }} as {{ dbt.type_bigint() }}) as batch_rows,
    cast({{ corridor.setting('corridor_confidence_level') }} as {{ corridor.type_double() }}) as confidence_level,
    cast({{ corridor.setting('corridor_prior_strength') }} as {{ corridor.type_double() }}) as prior_strength,
    cast(
        {{ corridor.setting('corridor_prior_max_events') if corridor.setting('corridor_prior_max_events') is not none else 'null' }}
        as {{ corridor.type_double() }}
    ) as prior_max_events
