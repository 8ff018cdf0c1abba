{#-
    corridor.label_arrival_hour(has_label, label_arrived_at): SQL of the hour
    an event's label arrived in, rounded up (the replay's points are on the
    hour, so a label counts as of a point exactly when this is at or before
    it): null without a label, 1900-01-01 for a label without an arrival
    time (arrived from the start, as corridor_as_of treats it). Arguments
    are the SQL of the columns read.
-#}
{% macro label_arrival_hour(has_label, label_arrived_at) -%}
    {%- set hour = dbt.date_trunc('hour', label_arrived_at) -%}
    case
        when not {{ has_label }} then null
        when {{ label_arrived_at }} is null then cast('1900-01-01' as {{ dbt.type_timestamp() }})
        when {{ label_arrived_at }} = {{ hour }} then {{ label_arrived_at }}
        else {{ dbt.dateadd('hour', 1, hour) }}
    end
{%- endmacro %}
