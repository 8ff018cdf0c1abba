{#-
    corridor.f1_from_jaccard(value, condition='true'): SQL mapping a value of
    J = TP / (TP + FP + FN) (the Jaccard index of the positives) to
    F1 = 2J / (1 + J), where `condition` holds (else the value unchanged). The
    map is increasing, so an interval of J maps to one of F1 with the same
    coverage (int_corridor__exact_intervals: F1's Clopper-Pearson interval).
-#}
{% macro f1_from_jaccard(value, condition='true') -%}
    {{ return(adapter.dispatch('f1_from_jaccard', 'corridor')(value, condition)) }}
{%- endmacro %}

{% macro default__f1_from_jaccard(value, condition) -%}
    case when {{ condition }} then 2 * {{ value }} / (1 + {{ value }}) else {{ value }} end
{%- endmacro %}
