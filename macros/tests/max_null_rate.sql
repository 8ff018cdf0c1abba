{#
    Generic test corridor.max_null_rate: the share of null (or empty-text)
    values in the column is at most max_rate (0 to 1). Fails with one row
    giving the measured rate and the row count.

      columns:
        - name: response_ms
          data_tests:
            - corridor.max_null_rate:
                arguments: {max_rate: 0.01}
#}
{% test max_null_rate(model, column_name, max_rate) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_max_null_rate', 'corridor')(model, column_name, max_rate)) }}
{% endtest %}

{#- Deprecated alias, kept for projects written against 0.1.0: its node names come out doubled
    (corridor_corridor_max_null_rate_...). Use corridor.max_null_rate. -#}
{% test corridor_max_null_rate(model, column_name, max_rate) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_max_null_rate', 'corridor')(model, column_name, max_rate)) }}
{% endtest %}

{% macro default__test_corridor_max_null_rate(model, column_name, max_rate) %}
    {%- if max_rate is not number or max_rate < 0 or max_rate > 1 -%}
        {{ exceptions.raise_compiler_error("corridor_max_null_rate on " ~ column_name ~ ": max_rate must be a number between 0 and 1; got "
            ~ max_rate) }}
    {%- endif -%}
    select
        n_rows,
        n_null,
        cast(n_null as {{ corridor.type_double() }}) / n_rows as null_rate

    from (
        select
            count(*) as n_rows,
            sum(case when {{ column_name }} is null or trim(cast({{ column_name }} as {{ dbt.type_string() }})) = '' then 1 else 0 end) as
                n_null
        from {{ model }}
    ) as counted
    where n_rows > 0
        and cast(n_null as {{ corridor.type_double() }}) / n_rows > {{ max_rate }}
{% endmacro %}
