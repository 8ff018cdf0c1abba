{#-
    corridor.comparison_kind_case(field, comparison_kind='comparison_kind',
    args={}): a SQL case over the column `comparison_kind` choosing, for each
    registered kind (corridor.comparison_kinds), the `field` of its spec
    (check_se, verdict, statistic, p_value, detectable or explanation; see
    corridor.comparison_kind). args: keyword arguments passed to
    corridor.comparison_kind (e.g. {'production_se': ...}).
-#}
{% macro comparison_kind_case(field, comparison_kind='comparison_kind', args={}) %}
    {{ return(adapter.dispatch('comparison_kind_case', 'corridor')(field, comparison_kind, args)) }}
{% endmacro %}

{% macro default__comparison_kind_case(field, comparison_kind, args) -%}
    case {{ comparison_kind }}
        {%- for kind in corridor.comparison_kinds() %}
        when '{{ kind }}' then {{ corridor.comparison_kind(kind, **args)[field] }}
        {%- endfor %}
    end
{%- endmacro %}
