{#
    corridor.set_based_series_hooks(): pre-hooks for models that evaluate
    series with per-row lateral joins over CTEs (beta quantiles, binomial
    ranks). PostgreSQL cannot estimate the CTEs' row counts, assumes one row
    and joins them by nested loops, which is quadratic; switching nested
    loops off for the model's transaction makes it hash the joins (the
    lateral series still loop, as they must); JIT is off too (compiling the
    large expressions cost far more than evaluating them). Other engines
    need nothing.
#}

{% macro set_based_series_hooks() %}
    {{ return(adapter.dispatch('set_based_series_hooks', 'corridor')()) }}
{% endmacro %}

{% macro default__set_based_series_hooks() %}
    {{ return([]) }}
{% endmacro %}

{% macro postgres__set_based_series_hooks() %}
    {#- jit: these queries are large expression trees that run on few rows; LLVM's optimization of them took
        over 95 % of the time (63 of 64 s for the beta known-answer grid), so JIT is off for the model -#}
    {{ return(['set local enable_nestloop = off', 'set local jit = off']) }}
{% endmacro %}
