{#-
    corridor.offline_estimates_without_production_gate_check(): the
    input-level gate check of the usable offline estimates for a model without
    any accepted production event, as a gate check spec (see
    corridor.input_gate_checks). Reads n_orphan, n_estimates and orphan_models
    of the orphan_estimates relation (one row).
-#}
{% macro offline_estimates_without_production_gate_check() %}
    {{ return(adapter.dispatch('offline_estimates_without_production_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__offline_estimates_without_production_gate_check() %}
    {%- set string = dbt.type_string() -%}
    {%- set bad -%}
        cast(n_orphan as {{ string }}) || ' offline estimates are for models with no accepted production event ('
        || orphan_models || '): they are never compared.'
        || ' Probable cause: a misspelled model id, or a model not deployed yet'
    {%- endset -%}
    {{ return({
        'name': 'offline_estimates_without_production', 'config': 'offline_estimates_without_production',
        'input_name': "'offline_estimates'", 'relation': 'orphan_estimates',
        'measured': 'cast(n_orphan as ' ~ corridor.type_double() ~ ')', 'judged': 'true',
        'checked': 'n_estimates', 'affected': 'n_orphan',
        'bad': bad, 'ok': "'every usable offline estimate is for a model with production data'",
    }) }}
{% endmacro %}
