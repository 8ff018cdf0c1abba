{#-
    corridor.all_conditions(conditions): the SQL conditions that are given
    (none and empty ones left out) joined with `and`, for a `where` or `on`
    whose conditions depend on settings: one call per clause instead of
    `{% if %}` blocks between its lines, which sqlfluff's LT02 cannot place.
    `true` when none is given.
-#}
{% macro all_conditions(conditions) -%}
    {{ return(adapter.dispatch('all_conditions', 'corridor')(conditions)) }}
{%- endmacro %}

{% macro default__all_conditions(conditions) -%}
    {%- set given = conditions | reject('none') | map('string') | map('trim') | reject('equalto', '') | list -%}
    {{ return(given | join('\n        and ') if given else 'true') }}
{%- endmacro %}
