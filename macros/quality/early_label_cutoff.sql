{#
    corridor.early_label_cutoff(event_at): the SQL time before which an
    outcome arrived too early for an event that happened at `event_at` (a
    column or expression): `event_at` less corridor_future_tolerance_minutes,
    the clock tolerance between the systems that log events and labels. One
    definition for the event id index (which keeps the ids where it happens)
    and the early-label check of int_corridor__input_quality_checks.
#}
{% macro early_label_cutoff(event_at) %}
    {%- set tolerance_minutes = corridor.setting('corridor_future_tolerance_minutes') | int -%}
    {{ return(dbt.dateadd('minute', -1 * tolerance_minutes, event_at)) }}
{% endmacro %}
