{#
    corridor.auc_standard_error(auc, n_positive, n_negative): Hanley &
    McNeil's (1982) closed-form standard error of an AUC (corridor.binned_auc)
    from n_positive positives and n_negative negatives:
    sqrt((A(1 - A) + (n+ - 1)(Q1 - A²) + (n- - 1)(Q2 - A²)) / (n+ n-)) with
    Q1 = A / (2 - A), Q2 = 2A² / (1 + A). Null when the AUC is. Shared by
    production and the backtest rows (weight sums as counts).
#}
{% macro auc_standard_error(auc, n_positive, n_negative) %}
    {{ return(adapter.dispatch('auc_standard_error', 'corridor')(auc, n_positive, n_negative)) }}
{% endmacro %}

{% macro default__auc_standard_error(auc, n_positive, n_negative) -%}
    case
            when {{ auc }} is not null then sqrt(greatest(
                (
                    {{ auc }} * (1 - {{ auc }})
                    + ({{ n_positive }} - 1) * ({{ auc }} / (2 - {{ auc }}) - {{ auc }} * {{ auc }})
                    + ({{ n_negative }} - 1) * (2 * {{ auc }} * {{ auc }} / (1 + {{ auc }}) - {{ auc }} * {{ auc }})
                ) / ({{ n_positive }} * {{ n_negative }}),
                0.0
            ))
        end
{%- endmacro %}
