{#
    corridor.bootstrap_normal_draws(relation, key_column, n_resamples, seed)
        A query of every row of `relation` (all its columns) × replicate
        b = 1..n_resamples, with `bootstrap_replicate` and two standard normal
        variables: `bootstrap_z1`, a draw that is a deterministic function of
        (key, replicate, seed), identical on every engine, and
        `bootstrap_z2`, stratified: the normal quantile at (b - 0.5) / B, so
        the B values of a row are the normal's B quantiles (no Monte Carlo
        error in the spread they carry), paired at random with the z1 draws.

        The uniform of z1 comes from the same 32-bit mixing as
        corridor.poisson_bootstrap_weights (key + replicate and seed with odd
        multipliers mod 2^32, two rounds of corridor.mix32, a final xor-shift,
        (x + 0.5) / 2^32), mapped to a normal by corridor.normal_quantile_sql
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
    {%- set bigint = dbt.type_bigint() -%}
    select
        *,
        {{ corridor.normal_quantile_sql('bootstrap_u1') }} as bootstrap_z1,
        {{ corridor.normal_quantile_sql('(bootstrap_replicate - 0.5) / ' ~ (n_resamples | int)) }} as bootstrap_z2
    from (
        select
            *,
            ({{ corridor.bitwise_xor('bootstrap_m1', 'bootstrap_m1 >> 16') }} + 0.5) / 4294967296.0 as bootstrap_u1
        from (
            select
                *,
                {{ corridor.mix32('bootstrap_h1') }} as bootstrap_m1
            from (
                select
                    *,
                    {{ corridor.mix32('bootstrap_s1') }} as bootstrap_h1
                from (
                    select
                        drawn_rows.*,
                        replicates.n as bootstrap_replicate,
                        (cast(drawn_rows.{{ key_column }} as {{ bigint }}) + replicates.n * 2654435761
                            + {{ ((seed | int) * 2246822519) % 4294967296 }}) % 4294967296 as bootstrap_s1
                    from {{ relation }} as drawn_rows
                    cross join {{ corridor.integer_series(1, n_resamples) }} as replicates
                ) as seeded
            ) as mixed_once
        ) as mixed_twice
    ) as uniform
{%- endmacro %}
