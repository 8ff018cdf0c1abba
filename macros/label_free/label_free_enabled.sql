{#
    corridor.label_free_enabled(): true when the label-free estimate is built:
    var corridor_label_free_reference is set (on every engine: the SQL path,
    corridor.label_free_method, runs where Python models cannot).
    The SQL models under models/*/label_free/ enable themselves with it in
    their config() (the two Python models: corridor.label_free_path_enabled).
#}
{% macro label_free_enabled() %}
    {{ return(adapter.dispatch('label_free_enabled', 'corridor')()) }}
{% endmacro %}

{% macro default__label_free_enabled() %}
    {{ return(corridor.setting('corridor_label_free_reference') is not none) }}
{% endmacro %}
