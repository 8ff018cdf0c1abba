{#
    corridor.replay_label_arrivals_delete(): the pre-hook of
    int_corridor__replay_label_arrivals (incremental by changed day,
    corridor.replay_increment with no state column of its own): on the
    delta path, deletes the event hours of each changed model version from
    the hour of its first changed day's start on (event_hour >= that hour:
    a day of corridor_time_zone may start inside a UTC hour, at :30 or :45;
    every earlier hour lies in unchanged days); nothing when no version
    changed (corridor.replay_changed_hours). On the full path every row (on
    Spark through corridor.delete_rows, at once); an empty statement on a
    full build. The
    model reads the events of those versions from the same hour.
#}
{% macro replay_label_arrivals_delete() %}
    {{ return(adapter.dispatch('replay_label_arrivals_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__replay_label_arrivals_delete() %}
    {%- set increment = corridor.replay_increment(stored_columns=[]) -%}
    {#- a full build: nothing; the full path: every row (on Spark at once, corridor.incremental_delete_skipped) -#}
    {%- if increment is none or increment['path'] == 'full' -%}
        {{ return('' if corridor.incremental_delete_skipped() else 'delete from ' ~ this) }}
    {%- endif -%}
    {%- if increment['changed'] | length == 0 -%}
        {{ return('') }}
    {%- endif -%}
    {{ return('delete from ' ~ this ~ ' where ' ~ corridor.replay_changed_hours(increment['changed'], 'event_hour')) }}
{% endmacro %}
