{#
    corridor.earliest_of(expressions): the earliest of a list of SQL
    timestamp expressions, as one expression: none for an empty list, the
    expression itself for one, else least(...). Used for the recompute
    starts of an incremental run (corridor.events_enriched_scope,
    corridor.bootstrap_scope).
#}
{% macro earliest_of(expressions) %}
    {{ return(adapter.dispatch('earliest_of', 'corridor')(expressions)) }}
{% endmacro %}

{% macro default__earliest_of(expressions) %}
    {%- if not expressions -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(expressions[0] if expressions | length == 1 else 'least(' ~ expressions | join(', ') ~ ')') }}
{% endmacro %}
