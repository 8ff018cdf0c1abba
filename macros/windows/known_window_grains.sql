{#
    corridor.known_window_grains(): every window grain corridor can build
    (docs/windows.md): hour (UTC hours), day, week (ISO, Monday) and month,
    the last three in var corridor_time_zone. The grains a project builds
    are the subset named in var corridor_window_grains; rules and offline
    estimates naming a grain outside this list are rejected with reason
    `unknown_window_grain`.
#}
{% macro known_window_grains() %}
    {{ return(adapter.dispatch('known_window_grains', 'corridor')()) }}
{% endmacro %}

{% macro default__known_window_grains() %}
    {{ return(['hour', 'day', 'week', 'month']) }}
{% endmacro %}
