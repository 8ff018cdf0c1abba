{#-
    corridor.is_unparseable(column, parsed): the SQL condition that an
    input's column holds text that is not blank (corridor.is_blank) but does
    not parse: `parsed`, the column's parsed expression (corridor.try_cast,
    corridor.parse_timestamp, ...), is null. Parenthesized; `column` is
    repeated in the SQL, so give a column name.
-#}
{% macro is_unparseable(column, parsed) -%}
    {{ return(adapter.dispatch('is_unparseable', 'corridor')(column, parsed)) }}
{%- endmacro %}

{% macro default__is_unparseable(column, parsed) -%}
    {{ return('(' ~ column ~ ' is not null and trim(cast(' ~ column ~ ' as ' ~ dbt.type_string() ~ ')) <> \'\' and '
        ~ parsed ~ ' is null)') }}
{%- endmacro %}
