{#-
    The label-free estimate's settings as one row, for the Python models
    (which cannot read vars): corridor.setting() with the package defaults.
-#}
{%- set double = corridor.type_double() -%}
{%- set bigint = dbt.type_bigint() -%}
select
    cast({{ corridor.setting('corridor_score_bins') }} as {{ bigint }}) as score_bins,
    cast({{ corridor.setting('corridor_label_free_draws') }} as {{ bigint }}) as n_draws,
    cast({{ corridor.setting('corridor_bootstrap_seed') }} as {{ bigint }}) as seed,
    cast({{ corridor.setting('corridor_label_free_max_psi') }} as {{ double }}) as max_psi,
    cast({{ corridor.setting('corridor_confidence_level') }} as {{ double }}) as confidence_level,
    cast({{ corridor.setting('corridor_test_alpha') }} as {{ double }}) as test_alpha
