{#-
    corridor.unknown_model_versions_gate_check(): the window-level gate check of the share of rows from a model version without an offline
        estimate (reads example_unknown_version too), as a gate
    check spec (see corridor.window_gate_checks). Reads n_rows and n_unknown_version of the
    windows relation.
-#}
{% macro unknown_model_versions_gate_check() %}
    {{ return(adapter.dispatch('unknown_model_versions_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__unknown_model_versions_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_unknown_version as {{ string }}) || ' of ' || cast(n_rows as {{ string }})
        || ' rows come from model version ' || coalesce(example_unknown_version, '?')
        || ', which has no offline estimate (and is not in corridor_known_model_versions):'
        || ' probable cause: an unannounced deployment or a missing offline estimate'
    {%- endset -%}
    {%- set ok -%}
        'every model version is known'
    {%- endset -%}
    {{ return(corridor._window_row_share_gate_check('unknown_model_versions', 'n_unknown_version', bad, ok)) }}
{% endmacro %}
