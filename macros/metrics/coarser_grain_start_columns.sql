{#-
    corridor.coarser_grain_start_columns(grains, finest): the select-list
    items `<grain>_start` of every grain but the finest (the window starts
    corridor.event_terms computes per event), each followed by a comma (the
    call sits inside a select list); nothing with one grain.
-#}
{% macro coarser_grain_start_columns(grains, finest) -%}
    {{ return(adapter.dispatch('coarser_grain_start_columns', 'corridor')(grains, finest)) }}
{%- endmacro %}

{% macro default__coarser_grain_start_columns(grains, finest) -%}
    {%- set items = [] -%}
    {%- for grain in grains if grain != finest -%}{%- do items.append(grain ~ '_start,') -%}{%- endfor -%}
    {{ return(items | join('\n        ')) }}
{%- endmacro %}
