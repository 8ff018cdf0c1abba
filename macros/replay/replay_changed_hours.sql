{#
    corridor.replay_changed_hours(changed, time_column): the SQL condition
    selecting the rows of int_corridor__replay_label_arrivals' changed model
    versions (`changed`: corridor.replay_increment's list on its delta
    path) from the UTC hour holding each version's first changed day's
    start (a day of corridor_time_zone may start inside a UTC hour, at :30
    or :45): `time_column` (event_at on the enriched events, event_hour on
    the model's rows) on or after it, the versions' conditions joined by
    `or` (a caller combining it with other terms parenthesizes it); '1 = 0'
    when no version changed. The
    model reads, and its pre-hook (corridor.replay_label_arrivals_delete)
    deletes, the same rows.
#}
{% macro replay_changed_hours(changed, time_column) %}
    {{ return(adapter.dispatch('replay_changed_hours', 'corridor')(changed, time_column)) }}
{% endmacro %}

{% macro default__replay_changed_hours(changed, time_column) %}
    {%- set conditions = [] -%}
    {%- for version in changed -%}
        {%- do conditions.append('(model_id = ' ~ corridor.sql_string(version['model_id'])
            ~ ' and model_version = ' ~ corridor.sql_string(version['model_version'])
            ~ ' and ' ~ time_column ~ ' >= ' ~ corridor.window_start('hour', version['from']) ~ ')') -%}
    {%- endfor -%}
    {{ return(conditions | join('\n    or ') if conditions else '1 = 0') }}
{% endmacro %}
