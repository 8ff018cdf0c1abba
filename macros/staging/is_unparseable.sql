{#-
    corridor.is_unparseable(column, parsed): the SQL condition that an
    input's column holds text that is not blank (corridor.is_blank) but does
    not parse: `parsed`, the column's parsed expression (corridor.try_cast,
    corridor.parse_timestamp, ...), is null. Parenthesized; `column` is
    repeated in the SQL, so give a column name.

    duckdb: a `case` that trims only the values that did not parse (DuckDB
    evaluates every side of an `and` in a staging view's column, so the
    plain form trims every value: a text timestamp column of 20M rows took
    1.8 s, 0.6 s as a `case`, the same answer).
-#}
{% macro is_unparseable(column, parsed) -%}
    {{ return(adapter.dispatch('is_unparseable', 'corridor')(column, parsed)) }}
{%- endmacro %}

{% macro default__is_unparseable(column, parsed) -%}
    {{ return('(' ~ column ~ ' is not null and trim(cast(' ~ column ~ ' as ' ~ dbt.type_string() ~ ')) <> \'\' and '
        ~ parsed ~ ' is null)') }}
{%- endmacro %}

{% macro duckdb__is_unparseable(column, parsed) -%}
    {{ return('case when ' ~ parsed ~ ' is null and ' ~ column ~ ' is not null then trim(cast(' ~ column ~ ' as '
        ~ dbt.type_string() ~ ')) <> \'\' else false end') }}
{%- endmacro %}
