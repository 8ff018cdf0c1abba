{#-
    corridor.label_flip_value(metric, value, sample_size, flipped_positives, flipped_negatives):
    a SQL expression, a label metric's value after an accuracy_points
    scenario flipped the labels of correctly classified events (the
    arguments are columns or expressions): `flipped_positives` true
    positives became false positives, `flipped_negatives` true negatives
    false negatives. From the recorded `value` over `sample_size` (the
    metric's own sample: evaluable events for accuracy, predicted positives
    for precision, actual positives for recall, TP + FP + FN for f1) the
    confusion counts are recovered exactly (TP = round(value n) for recall,
    round(value n / (2 - value)) for f1) and recomputed; null for any other
    metric. corridor.label_flip_sample_size gives the sample after the flips.
-#}
{% macro label_flip_value(metric, value, sample_size, flipped_positives, flipped_negatives) -%}
    {{ return(adapter.dispatch('label_flip_value', 'corridor')(metric, value, sample_size, flipped_positives, flipped_negatives)) }}
{%- endmacro %}


{% macro default__label_flip_value(metric, value, sample_size, flipped_positives, flipped_negatives) -%}
    {%- set n = 'cast(' ~ sample_size ~ ' as ' ~ corridor.type_double() ~ ')' -%}
    {%- set f1_tp = 'round(' ~ value ~ ' * ' ~ n ~ ' / (2 - ' ~ value ~ '))' -%}
    case {{ metric }}
        when 'accuracy' then greatest(0.0, {{ value }} - ({{ flipped_positives }} + {{ flipped_negatives }}) / nullif({{ n }}, 0))
        when 'precision' then greatest(0.0, {{ value }} - {{ flipped_positives }} / nullif({{ n }}, 0))
        when 'recall' then (round({{ value }} * {{ n }}) - {{ flipped_positives }})
            / nullif({{ n }} - {{ flipped_positives }} + {{ flipped_negatives }}, 0)
        when 'f1' then 2 * ({{ f1_tp }} - {{ flipped_positives }})
            / nullif({{ n }} + {{ flipped_negatives }} + {{ f1_tp }} - {{ flipped_positives }}, 0)
    end
{%- endmacro %}
