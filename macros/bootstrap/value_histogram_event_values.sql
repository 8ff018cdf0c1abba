{#-
    corridor.value_histogram_event_values(families, segments, finest): the
    body of the event_values CTE of int_corridor__value_histograms: one row
    per event and family of `families` (the 'continuous' list of
    corridor.value_histogram_families: (family, value SQL, condition SQL)),
    with the event's fine-cell keys (corridor.fine_cell_keys(segments,
    finest)), the family's name and its value as a double, a union of one
    select per family over the `events` CTE.
-#}
{% macro value_histogram_event_values(families, segments, finest) -%}
    {{ return(adapter.dispatch('value_histogram_event_values', 'corridor')(families, segments, finest)) }}
{%- endmacro %}

{% macro default__value_histogram_event_values(families, segments, finest) -%}
    {%- for family, value, condition in families %}
    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        '{{ family }}' as family,
        cast({{ value }} as {{ corridor.type_double() }}) as value
    from events
    where {{ condition }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
