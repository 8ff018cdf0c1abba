{#
    corridor.bootstrap_normal_draws(relation, key_column, n_resamples, seed)
        A query of every row of `relation` (all its columns) × replicate
        b = 1..n_resamples, with `bootstrap_replicate` and two standard normal
        variables: `bootstrap_z1`, a draw that is a deterministic function of
        (key, replicate, seed), identical on every engine, and
        `bootstrap_z2`, stratified: the normal quantile at (b - 0.5) / B, so
        the B values of a row are the normal's B quantiles (no Monte Carlo
        error in the spread they carry), paired at random with the z1 draws.

        z1 is corridor.bootstrap_uniforms' uniform (the same mixing as the
        Poisson weights) mapped to a normal by corridor.normal_quantile_sql
        (|z| <= 6.3 by construction).
        `key_column` holds a well-mixed 32-bit non-negative integer per row
        (corridor.hash32 of a unique key).

        Used by the SQL bootstrap for groups too large to resample event by
        event: there the replicate is drawn from the Poisson bootstrap's
        asymptotic distribution (see int_corridor__sql_bootstrap_intervals).
#}
{% macro bootstrap_normal_draws(relation, key_column, n_resamples, seed) -%}
    {{ return(adapter.dispatch('bootstrap_normal_draws', 'corridor')(relation, key_column, n_resamples, seed)) }}
{%- endmacro %}

{% macro default__bootstrap_normal_draws(relation, key_column, n_resamples, seed) -%}
    select
        *,
        {{ corridor.normal_quantile_sql('bootstrap_uniform') }} as bootstrap_z1,
        {{ corridor.normal_quantile_sql('(bootstrap_replicate - 0.5) / ' ~ (n_resamples | int)) }} as bootstrap_z2
    from ({{ corridor.bootstrap_uniforms(relation, key_column, n_resamples, seed) }}) as uniform
{%- endmacro %}
