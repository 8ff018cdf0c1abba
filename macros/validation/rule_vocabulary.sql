{#- The accepted vocabularies of the rules registry. -#}
{% macro rule_vocabulary() -%}
    {{ return(adapter.dispatch('rule_vocabulary', 'corridor')()) }}
{%- endmacro %}

{% macro default__rule_vocabulary() %}
    {{ return({
        'comparison_kind': ['absolute', 'relative', 'statistical', 'equivalence', 'seasonal'],
        'direction': ['higher_is_better', 'lower_is_better', 'two_sided'],
        'tolerance_unit': ['absolute', 'relative'],
    }) }}
{% endmacro %}
