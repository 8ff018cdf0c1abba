{#
    corridor.poisson_bootstrap_weights(relation, key_column, n_resamples, seed)
        A query of every row of `relation` (all its columns) × replicate
        1..n_resamples, with `bootstrap_replicate` and `bootstrap_weight`: a
        Poisson(1) draw that is a deterministic function of (key, replicate,
        seed), identical on every engine, so any SQL engine can run a Poisson
        bootstrap (sum of weight × value over the weight's sum).

        `key_column` holds a well-mixed 32-bit non-negative integer per row
        (corridor.hash32 of a unique id). The replicate and seed are added with
        odd multipliers (mod 2^32) and the sum goes through a 32-bit integer
        finalizer (x ^= x >> 16; x *= 0x45d9f3b; twice; x ^= x >> 16, all mod
        2^32, products below 2^63): hashing each argument on its own and
        mixing arithmetically, rather than hashing several arguments at once,
        keeps replicates independent (tested: mean and variance 1, no
        correlation across replicates or neighbouring keys). The uniform
        (x + 0.5) / 2^32 is mapped to Poisson(1) by its inverse CDF (0..12;
        P(W > 12) < 1e-10).

    One step of the finalizer: corridor.mix32.
#}

{% macro poisson_bootstrap_weights(relation, key_column, n_resamples, seed) -%}
    {{ return(adapter.dispatch('poisson_bootstrap_weights', 'corridor')(relation, key_column, n_resamples, seed)) }}
{%- endmacro %}

{% macro default__poisson_bootstrap_weights(relation, key_column, n_resamples, seed) -%}
    {%- set cdf = [
        0.36787944117144233, 0.7357588823428847, 0.9196986029286058, 0.9810118431238462,
        0.9963401531726563, 0.9994058151824183, 0.9999167588507119, 0.9999897508033253,
        0.9999988747974681, 0.9999998885745217, 0.9999999899522336, 0.9999999991683892,
    ] -%}
    select
        *,
        case
            {%- for c in cdf %}
            when bootstrap_uniform < {{ c }} then {{ loop.index0 }}
            {%- endfor %}
            else {{ cdf | length }}
        end as bootstrap_weight
    from ({{ corridor.bootstrap_uniforms(relation, key_column, n_resamples, seed) }}) as uniform
{%- endmacro %}
