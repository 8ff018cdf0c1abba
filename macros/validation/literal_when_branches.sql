{#-
    corridor.literal_when_branches(column, mapping): the `when` branches of a
    SQL case mapping each key of `mapping` to its value, both as string
    literals (`when <column> = 'key' then 'value' ...`, in the mapping's
    order); `when false then ''` for an empty mapping, so the case stays valid.
    Keys and values are corridor's own names (not user text): not escaped.
-#}
{% macro literal_when_branches(column, mapping) %}
    {{ return(adapter.dispatch('literal_when_branches', 'corridor')(column, mapping)) }}
{% endmacro %}

{% macro default__literal_when_branches(column, mapping) %}
    {%- set branches = [] -%}
    {%- for key, value in mapping.items() -%}
        {%- do branches.append("when " ~ column ~ " = '" ~ key ~ "' then '" ~ value ~ "'") -%}
    {%- endfor -%}
    {{ return(branches | join(' ') or "when false then ''") }}
{% endmacro %}
