{#
    corridor.label_free_enabled(): true when the label-free estimate is built:
    var corridor_label_free_reference is set (on every engine: the SQL path,
    corridor.label_free_method, runs where Python models cannot).
    dbt_project.yml enables the models under models/*/label_free/ with the
    same condition, inlined (YAML cannot call macros).
#}
{% macro label_free_enabled() %}
    {{ return(adapter.dispatch('label_free_enabled', 'corridor')()) }}
{% endmacro %}

{% macro default__label_free_enabled() %}
    {{ return(corridor.setting('corridor_label_free_reference') is not none) }}
{% endmacro %}
