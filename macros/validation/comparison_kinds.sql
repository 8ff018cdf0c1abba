{#-
    corridor.comparison_kinds(): the registry of comparison kinds, kind name ->
    its macro, in the order the SQL cases over them. Each kind is a dispatched
    macro of its own under macros/validation/kinds/ (compare_<kind>), selected by
    corridor.comparison_kind(name, ...) and cased over by
    corridor.comparison_kind_case(field, ...). To add a kind, write its macro,
    list it here and add it to
    corridor.rule_vocabulary()['comparison_kind'] (see CONTRIBUTING.md).
-#}
{% macro comparison_kinds() %}
    {{ return(adapter.dispatch('comparison_kinds', 'corridor')()) }}
{% endmacro %}

{% macro default__comparison_kinds() %}
    {{ return({
        'absolute': corridor.compare_absolute,
        'relative': corridor.compare_relative,
        'statistical': corridor.compare_statistical,
        'equivalence': corridor.compare_equivalence,
        'seasonal': corridor.compare_seasonal,
    }) }}
{% endmacro %}
