{#-
    corridor.and_clause(condition): `and (<condition>)`, or nothing when the
    condition is none: an optional condition appended to a `where` (e.g.
    corridor.lookback_condition, none on a full build) as one call instead of
    an `{% if %}` block between the clause's lines.
-#}
{% macro and_clause(condition) -%}
    {{ return(adapter.dispatch('and_clause', 'corridor')(condition)) }}
{%- endmacro %}

{% macro default__and_clause(condition) -%}
    {{ return('' if condition is none else 'and (' ~ condition ~ ')') }}
{%- endmacro %}
