{#-
    corridor.replay_label_measures(): the window measures of
    corridor.production_window_measures that depend on labels (n_labeled and
    the statistics of corridor.label_metric_statistics; an unbounded one as
    its two exact parts `<name>__high`, `<name>__low`), as {'additive':
    [(name, aggregate, rollup)], 'large': [(name, expression, decimals)]}.
    The replay (int_corridor__replay_label_stats) sums them over the labels
    arrived as of each point; the other measures do not change with labels.
-#}
{% macro replay_label_measures() %}
    {%- set measures = corridor.production_window_measures() -%}
    {%- set names = ['n_labeled'] -%}
    {%- for name, expr, kind, decimals in corridor.label_metric_statistics() -%}
        {%- do names.extend([name ~ '__high', name ~ '__low'] if kind == 'large' else [name]) -%}
    {%- endfor -%}
    {{ return({
        'additive': measures['additive'] | selectattr(0, 'in', names) | list,
        'large': measures['large'] | selectattr(0, 'in', names | map('replace', '__high', '') | list) | list,
    }) }}
{% endmacro %}
