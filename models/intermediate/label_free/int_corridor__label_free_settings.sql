{#-
    The label-free estimate's settings as one row, for the Python models
    (which cannot read vars): corridor.setting() with the package defaults.
-#}
{{ config(enabled=corridor.label_free_enabled()) }}
select
    cast({{ corridor.setting('corridor_score_bins') }} as {{ dbt.type_bigint() }}) as score_bins,
    cast({{ corridor.setting('corridor_label_free_draws') }} as {{ dbt.type_bigint() }}) as n_draws,
    cast({{ corridor.setting('corridor_bootstrap_seed') }} as {{ dbt.type_bigint() }}) as seed,
    cast({{ corridor.setting('corridor_label_free_max_psi') }} as {{ corridor.type_double() }}) as max_psi,
    cast({{ corridor.setting('corridor_confidence_level') }} as {{ corridor.type_double() }}) as confidence_level,
    cast({{ corridor.setting('corridor_test_alpha') }} as {{ corridor.type_double() }}) as test_alpha
