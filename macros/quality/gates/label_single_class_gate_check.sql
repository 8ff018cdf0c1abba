{#-
    corridor.label_single_class_gate_check(): the input-level gate check, per
    model id, of labeled events that all carry the same class (binary
    classifiers only: recall, precision and AUC need both), as a gate check
    spec (see corridor.input_gate_checks). Reads model_id, n_evaluated and
    n_positive of the labels_by_model relation.
-#}
{% macro label_single_class_gate_check() %}
    {{ return(adapter.dispatch('label_single_class_gate_check', 'corridor')()) }}
{% endmacro %}

{% macro default__label_single_class_gate_check() %}
    {%- set single = 'case when n_evaluated = 0 or n_positive = 0 or n_positive = n_evaluated then 1.0 else 0.0 end' -%}
    {%- set bad -%}
        case
            when n_evaluated = 0
                then 'no accepted event of this model has a label, so neither class is present:'
                || ' accuracy, recall, precision and AUC cannot be estimated. Probable cause: outcomes not loaded yet,'
                || ' an empty outcomes input, or event ids that do not match'
            else 'all ' || cast(n_evaluated as {{ dbt.type_string() }}) || ' labeled events carry the same class ('
                || case when n_positive = 0 then '0' else '1' end
                || '): recall, precision or AUC cannot be estimated. Probable cause: a constant or mis-mapped label column'
        end
    {%- endset -%}
    {{ return({
        'name': 'label_single_class', 'config': 'label_single_class',
        'input_name': "'outcomes'", 'model_id': 'model_id', 'relation': 'labels_by_model',
        'measured': single, 'judged': 'true',
        'checked': 'n_evaluated', 'affected': 'cast(null as ' ~ dbt.type_bigint() ~ ')',
        'bad': bad, 'ok': "'both classes present'",
    }) }}
{% endmacro %}
