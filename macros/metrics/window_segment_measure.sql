{#-
    corridor.window_segment_measure(measure): the select-list item of one
    measure of corridor.window_segment_rollup_ctes, `measure` being
    [column, aggregate] or [column, aggregate, type]:
    `<aggregate>(<column>) as <column>`, cast to `type` when given.
-#}
{% macro window_segment_measure(measure) -%}
    {{ return(adapter.dispatch('window_segment_measure', 'corridor')(measure)) }}
{%- endmacro %}

{% macro default__window_segment_measure(measure) -%}
    {%- set aggregated = measure[1] ~ '(' ~ measure[0] ~ ')' -%}
    {%- if measure | length > 2 -%}
        {%- set aggregated = 'cast(' ~ aggregated ~ ' as ' ~ measure[2] ~ ')' -%}
    {%- endif -%}
    {{ return(aggregated ~ ' as ' ~ measure[0]) }}
{%- endmacro %}
