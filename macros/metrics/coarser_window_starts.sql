{#
    corridor.coarser_window_starts(grains, finest): ", <grain>_start" for each
    grain coarser than the finest, computed from <finest>_start (to follow a
    select-list item after corridor.fine_cell_keys).
#}

{% macro coarser_window_starts(grains, finest) -%}
        {%- for grain in grains if grain != finest %},
        {{ corridor.window_start(grain, finest ~ '_start') }} as {{ grain }}_start
        {%- endfor %}
{%- endmacro %}
