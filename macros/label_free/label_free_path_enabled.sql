{#
    corridor.label_free_path_enabled(path): true when the label-free estimate is
    built (corridor.label_free_enabled) by the given path, 'sql' or 'python'
    (corridor.label_free_method). The SQL models of models/*/label_free/sql/
    enable themselves with it in their config(); the Python models cannot call
    macros in dbt.config(), so their YAML writes the same condition out, and
    python/tests/test_enabled_settings.py checks that the two agree.
#}
{% macro label_free_path_enabled(path) %}
    {{ return(adapter.dispatch('label_free_path_enabled', 'corridor')(path)) }}
{% endmacro %}

{% macro default__label_free_path_enabled(path) %}
    {{ return(corridor.label_free_enabled() and corridor.label_free_method() == path) }}
{% endmacro %}
