{#-
    corridor.label_flip_sample_size(metric, sample_size, flipped_positives, flipped_negatives):
    a SQL expression, a label metric's sample after an accuracy_points
    scenario's flips (corridor.label_flip_value): actual positives for recall
    lose the flipped true positives and gain the flipped true negatives; TP +
    FP + FN for f1 gains the flipped true negatives (a flipped true positive
    stays in it as a false positive); accuracy's and precision's samples do
    not change.
-#}
{% macro label_flip_sample_size(metric, sample_size, flipped_positives, flipped_negatives) -%}
    {{ return(adapter.dispatch('label_flip_sample_size', 'corridor')(metric, sample_size, flipped_positives, flipped_negatives)) }}
{%- endmacro %}


{% macro default__label_flip_sample_size(metric, sample_size, flipped_positives, flipped_negatives) -%}
    case {{ metric }}
        when 'recall' then {{ sample_size }} - {{ flipped_positives }} + {{ flipped_negatives }}
        when 'f1' then {{ sample_size }} + {{ flipped_negatives }}
        else {{ sample_size }}
    end
{%- endmacro %}
