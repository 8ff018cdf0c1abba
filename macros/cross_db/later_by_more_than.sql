{#-
    corridor.later_by_more_than(later, earlier, minutes): SQL condition, true
    when the timestamp `later` is more than `minutes` (a number, rounded to
    whole minutes as dbt.dateadd does) after `earlier`: the same as
    `later > dbt.dateadd('minute', minutes, earlier)`, null when either is
    null.

    duckdb: `age(later, earlier) > <minutes> minutes` for a tolerance under
    28 days, where the two agree exactly (age counts calendar months, 28 to
    31 days, only past a month). DuckDB does not push a condition holding
    `<column> + <interval>` (an addition that can overflow) below a
    projection when it is part of a larger condition: a filter on
    corridor.event_rejection_reasons() then ran after stg_corridor__production_events
    computed every column of every row, including the keyed hash of the
    entity id (about 30 s of CPU per read at 100M events). With age() the
    filter runs in the scan, and a join on the event id before the
    projection. Longer tolerances keep the addition.
-#}
{% macro later_by_more_than(later, earlier, minutes) %}
    {{ return(adapter.dispatch('later_by_more_than', 'corridor')(later, earlier, minutes)) }}
{% endmacro %}

{% macro default__later_by_more_than(later, earlier, minutes) -%}
    {{ later }} > {{ dbt.dateadd('minute', minutes, earlier) }}
{%- endmacro %}

{% macro duckdb__later_by_more_than(later, earlier, minutes) -%}
    {%- if minutes | float < 40000 -%}
        age({{ later }}, {{ earlier }}) > cast({{ minutes }} as bigint) * interval 1 minute
    {%- else -%}
        {{ corridor.default__later_by_more_than(later, earlier, minutes) }}
    {%- endif -%}
{%- endmacro %}
