{#-
    corridor.where_clause(condition): `where <condition>`, or nothing when the
    condition is none: an optional filter (e.g. corridor.lookback_condition,
    none on a full build) as one call instead of an `{% if %}` block around
    the clause.
-#}
{% macro where_clause(condition) -%}
    {{ return(adapter.dispatch('where_clause', 'corridor')(condition)) }}
{%- endmacro %}

{% macro default__where_clause(condition) -%}
    {{ return('' if condition is none else 'where ' ~ condition) }}
{%- endmacro %}
