{#-
    corridor.backtest_rollup_ctes(relation, evaluation_id, weight, name): the
    CTEs of corridor.segment_rollup that sum the backtest rows of `relation`
    once into fine cells (model_id × model_version × every segment column)
    and roll them up to every segment and all traffic, ending in the CTE
    `name`: first_evaluation_id and last_evaluation_id (min and max of the
    column `evaluation_id`), n_rows, and the label statistics summed with the
    frequency weights in the column `weight`
    (corridor.weighted_label_statistics(weight)'s rollup measures).
-#}
{% macro backtest_rollup_ctes(relation, evaluation_id, weight, name) -%}
    {{ return(adapter.dispatch('backtest_rollup_ctes', 'corridor')(relation, evaluation_id, weight, name)) }}
{%- endmacro %}

{% macro default__backtest_rollup_ctes(relation, evaluation_id, weight, name) -%}
    {%- set measures = [
        ['first_evaluation_id', 'min(' ~ evaluation_id ~ ')', 'min'],
        ['last_evaluation_id', 'max(' ~ evaluation_id ~ ')', 'max'],
        ['n_rows', 'count(*)', 'sum'],
    ] + corridor.weighted_label_statistics(weight)['rollup'] -%}
    {{ return(corridor.segment_rollup(relation, ['model_id', 'model_version'], corridor.segment_dimensions(), [], measures, name)) }}
{%- endmacro %}
