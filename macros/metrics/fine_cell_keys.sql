{#
    The finest cells every event aggregation starts from, before GROUPING
    SETS rolls them up to windows and segments:

    corridor.fine_cell_keys(segments, finest): model_id, model_version, one
    segment_<dimension> per segment dimension, <finest>_start (no trailing
    comma), for the select list and the GROUP BY of the fine cells.

    The coarser grains' starts computed from them: corridor.coarser_window_starts.
#}

{% macro fine_cell_keys(segments, finest) -%}
        model_id,
        model_version,
        {%- for s in segments %}
        segment_{{ s['dimension'] }},
        {%- endfor %}
        {{ finest }}_start
{%- endmacro %}
