{#
    Generic test corridor.built_window_grain: every value of the column is a
    window grain this project builds: a grain of var corridor_window_grains
    or a rolling window of var corridor_rolling_windows (corridor.rolling_windows).
    Fails with one row per unexpected grain and how many rows carry it.

      columns:
        - name: window_grain
          data_tests:
            - corridor.built_window_grain
#}
{% test built_window_grain(model, column_name) %}
    {{ return(adapter.dispatch('test_built_window_grain', 'corridor')(model, column_name)) }}
{% endtest %}

{% macro default__test_built_window_grain(model, column_name) %}
    {%- set grains = corridor.setting('corridor_window_grains') + (corridor.rolling_windows() | map(attribute='name') | list) -%}
    select
        {{ column_name }} as window_grain,
        count(*) as n_rows

    from {{ model }}
    where {{ column_name }} not in ({{ corridor.sql_string_list(grains) }})
    group by {{ column_name }}
{% endmacro %}
