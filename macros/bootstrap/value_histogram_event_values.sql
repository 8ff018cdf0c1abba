{#-
    corridor.value_histogram_event_values(families, segments, finest, relation='events'): the
    body of the event_values CTE of int_corridor__value_histograms: one row
    per event and family of `families` (the 'continuous' list of
    corridor.value_histogram_families: (family, value SQL, condition SQL)),
    with the event's fine-cell keys (corridor.fine_cell_keys(segments,
    finest)), the family's name and its value as a double, a union of one
    select per family over the CTE `relation`.
-#}
{% macro value_histogram_event_values(families, segments, finest, relation='events') -%}
    {{ return(adapter.dispatch('value_histogram_event_values', 'corridor')(families, segments, finest, relation)) }}
{%- endmacro %}

{% macro default__value_histogram_event_values(families, segments, finest, relation) -%}
    {%- for family, value, condition in families %}
    select
        {{ corridor.fine_cell_keys(segments, finest) }},
        '{{ family }}' as family,
        cast({{ value }} as {{ corridor.type_double() }}) as value
    from {{ relation }}
    where {{ condition }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
