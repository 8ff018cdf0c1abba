{#-
    corridor.is_blank(column): the SQL condition that an input's column is
    missing: null, or text that is empty once trimmed (the column is cast to
    text first, so any type can be given). Parenthesized; `column` is
    repeated in the SQL, so give a column name.
-#}
{% macro is_blank(column) -%}
    {{ return(adapter.dispatch('is_blank', 'corridor')(column)) }}
{%- endmacro %}

{% macro default__is_blank(column) -%}
    {{ return('(' ~ column ~ ' is null or trim(cast(' ~ column ~ ' as ' ~ dbt.type_string() ~ ')) = \'\')') }}
{%- endmacro %}
