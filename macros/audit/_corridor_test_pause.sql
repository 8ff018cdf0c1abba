{#
    corridor._corridor_test_pause(point): for the crash tests only. When the
    test-only environment variable CORRIDOR_TEST_PAUSE_IN_HOOK names this point
    of the on-run-end hook, log a marker line ("corridor-test-pause: <point>")
    and then keep the engine busy for a long while, so the test can kill -9 the
    dbt process at exactly this point. Does nothing otherwise (never set it in a
    real project). An environment variable, not a var: a --vars of its own
    would make dbt parse the whole project again for the killed build, and it
    is read here, at run time, only.
#}
{% macro _corridor_test_pause(point) %}
    {%- if env_var('CORRIDOR_TEST_PAUSE_IN_HOOK', '') == point -%}
        {{ log("corridor-test-pause: " ~ point, info=true) }}
        {%- do run_query(adapter.dispatch('_corridor_test_pause_sql', 'corridor')()) -%}
    {%- endif -%}
{% endmacro %}

{% macro default___corridor_test_pause_sql() %}select pg_sleep(600){% endmacro %}

{% macro duckdb___corridor_test_pause_sql() %}select count(*) from range(1000000000000) as t (i) where i % 7 = 3{% endmacro %}
