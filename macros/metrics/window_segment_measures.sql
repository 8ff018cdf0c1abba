{#-
    corridor.window_segment_measures(extra, measures): the select-list items
    after the window and segment keys of corridor.window_segment_rollup_ctes
    (no trailing comma): each `extra` key column, then each measure,
    `measure` being [column, aggregate] or [column, aggregate, type]:
    `<aggregate>(<column>) as <column>`, cast to `type` when given.
-#}
{% macro window_segment_measures(extra, measures) -%}
    {{ return(adapter.dispatch('window_segment_measures', 'corridor')(extra, measures)) }}
{%- endmacro %}

{% macro default__window_segment_measures(extra, measures) -%}
    {%- set items = extra | list -%}
    {%- for measure in measures -%}
        {%- set aggregated = measure[1] ~ '(' ~ measure[0] ~ ')' -%}
        {%- if measure | length > 2 -%}
            {%- set aggregated = 'cast(' ~ aggregated ~ ' as ' ~ measure[2] ~ ')' -%}
        {%- endif -%}
        {%- do items.append(aggregated ~ ' as ' ~ measure[0]) -%}
    {%- endfor -%}
    {{ return(items | join(',\n        ')) }}
{%- endmacro %}
