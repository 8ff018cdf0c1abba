{#
    corridor.event_window_cells_definition(): an MD5 (dbt's local_md5) of
    what, besides the staged event rows, makes the cells of
    int_corridor__event_window_cells what they are: corridor's version, the
    event id index's rules (corridor.event_index_rules: the inputs, the model
    type, corridor_as_of ...), the production events' column mapping,
    corridor_late_grace_hours and corridor_time_zone (the late counts' window
    ends). The cells' build row stores it; a run keeps the stored cells only
    under the same definition (corridor.event_window_cells_delta).
#}
{% macro event_window_cells_definition() %}
    {{ return(adapter.dispatch('event_window_cells_definition', 'corridor')()) }}
{% endmacro %}

{% macro default__event_window_cells_definition() %}
    {%- set parts = [
        corridor.corridor_version(),
        corridor.event_index_rules(),
        corridor.input_config('production_events') | string,
        corridor.setting('corridor_late_grace_hours') | string,
        corridor.setting('corridor_time_zone') | string,
    ] -%}
    {{ return(local_md5(parts | join('|'))) }}
{% endmacro %}
