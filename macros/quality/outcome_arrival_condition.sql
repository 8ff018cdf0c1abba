{#
    corridor.outcome_arrival_condition(label_arrived_at='label_arrived_at'):
    the SQL condition that an outcome has arrived by corridor_as_of (no
    arrival time counts as arrived), on the column `label_arrived_at`; none
    when corridor_as_of is not set (every outcome has arrived). One
    definition for the enrichment, the event id index and the incremental
    lookback, which must agree on which outcomes count.
#}
{% macro outcome_arrival_condition(label_arrived_at='label_arrived_at') %}
    {%- set as_of = corridor.setting('corridor_as_of') -%}
    {%- if as_of is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return('(' ~ label_arrived_at ~ ' is null or ' ~ label_arrived_at ~ ' <= cast(' ~ corridor.sql_string(as_of) ~ ' as '
        ~ dbt.type_timestamp() ~ '))') }}
{% endmacro %}
