{#
    corridor.label_free_method(): how the label-free estimate is computed on
    this target, 'python' or 'sql': var corridor_label_free_method, or when
    it is null python on DuckDB (the kernel corridor.label_free in Python
    models, simulation intervals) and sql elsewhere (the models under
    models/intermediate/label_free/sql/, analytic intervals; the same point
    estimates, PSI and shift flags). The models of each path enable themselves
    with corridor.label_free_path_enabled (the Python ones in their YAML, written
    out: python/tests/test_enabled_settings.py keeps the two in step).
#}
{% macro label_free_method() %}
    {{ return(adapter.dispatch('label_free_method', 'corridor')()) }}
{% endmacro %}

{% macro default__label_free_method() %}
    {{ return(corridor.setting('corridor_label_free_method') or ('python' if target.type == 'duckdb' else 'sql')) }}
{% endmacro %}
