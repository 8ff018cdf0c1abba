{#
    corridor.bootstrap_uniforms(relation, key_column, n_resamples, seed)
        Every row of `relation` (all its columns) × replicate 1..n_resamples,
        with `bootstrap_replicate` and `bootstrap_uniform` in (0, 1): a
        deterministic function of (key, replicate, seed), identical on every
        engine. `key_column` holds a well-mixed 32-bit non-negative integer
        (corridor.hash32 of a unique id); replicate and seed are added with
        odd multipliers (mod 2^32), the sum goes through two rounds of
        corridor.mix32 and a final xor-shift, and the uniform is
        (x + 0.5) / 2^32 (see corridor.poisson_bootstrap_weights for why).
        Also keeps the intermediate columns bootstrap_seeded,
        bootstrap_mixed_1 and bootstrap_mixed.
#}
{% macro bootstrap_uniforms(relation, key_column, n_resamples, seed) -%}
    {{ return(adapter.dispatch('bootstrap_uniforms', 'corridor')(relation, key_column, n_resamples, seed)) }}
{%- endmacro %}

{% macro default__bootstrap_uniforms(relation, key_column, n_resamples, seed) -%}
    {%- set bigint = dbt.type_bigint() -%}
    select
        *,
        ({{ corridor.bitwise_xor('bootstrap_mixed', 'bootstrap_mixed >> 16') }} + 0.5) / 4294967296.0 as bootstrap_uniform
    from (
        select
            *,
            {{ corridor.mix32('bootstrap_mixed_1') }} as bootstrap_mixed
        from (
            select
                *,
                {{ corridor.mix32('bootstrap_seeded') }} as bootstrap_mixed_1
            from (
                select
                    weighted_rows.*,
                    replicates.n as bootstrap_replicate,
                    (cast(weighted_rows.{{ key_column }} as {{ bigint }})
                        + replicates.n * 2654435761
                        + {{ ((seed | int) * 2246822519) % 4294967296 }}) % 4294967296 as bootstrap_seeded
                from {{ relation }} as weighted_rows
                cross join {{ corridor.integer_series(1, n_resamples) }} as replicates
            ) as seeded
        ) as mixed_once
    ) as mixed_twice
{%- endmacro %}
