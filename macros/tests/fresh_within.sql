{#
    Generic test corridor.fresh_within: the newest value of a timestamp
    column (UTC) is at most max_age_hours old, measured against var
    corridor_as_of when set (or the `as_of` argument), else the start of the
    run. Fails with one row (the newest timestamp and its age) when the
    relation is stale or empty.

      columns:
        - name: ingested_at
          data_tests:
            - corridor.fresh_within:
                arguments: {max_age_hours: 24}
#}
{% test fresh_within(model, column_name, max_age_hours, as_of=none) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_fresh_within', 'corridor')(model, column_name, max_age_hours, as_of)) }}
{% endtest %}

{#- Deprecated alias, kept for projects written against 0.1.0: its node names come out doubled
    (corridor_corridor_fresh_within_...). Use corridor.fresh_within. -#}
{% test corridor_fresh_within(model, column_name, max_age_hours, as_of=none) %}
    {{ config(severity='warn') }}
    {{ return(adapter.dispatch('test_corridor_fresh_within', 'corridor')(model, column_name, max_age_hours, as_of)) }}
{% endtest %}

{% macro default__test_corridor_fresh_within(model, column_name, max_age_hours, as_of) %}
    {%- if max_age_hours is not number or max_age_hours <= 0 -%}
        {{ exceptions.raise_compiler_error("corridor_fresh_within on " ~ column_name ~ ": max_age_hours must be a positive number; got "
            ~ max_age_hours) }}
    {%- endif -%}
    {%- set reference = 'cast(' ~ corridor.sql_string(as_of) ~ ' as ' ~ dbt.type_timestamp() ~ ')' if as_of is not none
        else corridor.reference_time() -%}
    select
        newest_at,
        {{ dbt.datediff('newest_at', reference, 'minute') }} / 60.0 as age_hours

    from (
        select max(cast({{ column_name }} as {{ dbt.type_timestamp() }})) as newest_at
        from {{ model }}
    ) as newest
    where newest_at is null
        or {{ dbt.datediff('newest_at', reference, 'minute') }} > {{ (max_age_hours * 60) | int }}
{% endmacro %}
