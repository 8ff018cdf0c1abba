{#-
    corridor.label_arrival_hour(has_label, label_arrived_at): SQL of the
    replay point an event's label counts from: the first time at or after its
    arrival on the replay's grid (int_corridor__replay_points lie every
    corridor_replay_step_hours hours back from a UTC midnight, so when the
    step divides 24 they are the multiples of the step in each UTC day; for
    another step, the next full hour). A label counts as of a point exactly
    when this is at or before it, and the as-of statistics group by it: with
    the default 24 h step, one group per day of arrivals instead of per hour.
    Null without a label; 1900-01-01 for a label without an arrival time
    (arrived from the start, as corridor_as_of treats it). Arguments are the
    SQL of the columns read.
-#}
{% macro label_arrival_hour(has_label, label_arrived_at) -%}
    {%- set step = corridor.setting('corridor_replay_step_hours') -%}
    {%- set step = step if 24 % step == 0 else 1 -%}
    {%- set day = dbt.date_trunc('day', label_arrived_at) -%}
    {%- set hours = 'floor(' ~ dbt.datediff(day, label_arrived_at, 'second') ~ ' / ' ~ (step * 3600) ~ ')' -%}
    {%- set start = dbt.dateadd('hour', hours ~ ' * ' ~ step, day) -%}
    case
        when not {{ has_label }} then null
        when {{ label_arrived_at }} is null then cast('1900-01-01' as {{ dbt.type_timestamp() }})
        when {{ label_arrived_at }} = {{ start }} then {{ label_arrived_at }}
        else {{ dbt.dateadd('hour', step, start) }}
    end
{%- endmacro %}
