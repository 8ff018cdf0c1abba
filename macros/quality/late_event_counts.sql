{#-
    corridor.late_event_counts(grains, grace_hours): the select-list items
    counting late events per grain, each followed by a comma (the call sits
    inside a select list): `n_late_<grain>`, the events loaded (loaded_at)
    more than `grace_hours` (setting corridor_late_grace_hours) after the end
    of their window of that grain (event_at), for each of `grains`. Reads the
    columns event_at and loaded_at.
-#}
{% macro late_event_counts(grains, grace_hours) -%}
    {{ return(adapter.dispatch('late_event_counts', 'corridor')(grains, grace_hours)) }}
{%- endmacro %}

{% macro default__late_event_counts(grains, grace_hours) -%}
    {%- for grain in grains %}
        sum(case when loaded_at > {{ dbt.dateadd('minute', (grace_hours * 60) | int, corridor.window_end(grain,
            corridor.window_start(grain, 'event_at'))) }} then 1 else 0 end) as n_late_{{ grain }},
    {%- endfor %}
{%- endmacro %}
