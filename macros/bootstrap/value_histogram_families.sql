{#-
    corridor.value_histogram_families(model_type, python_bootstrap): the
    families of per-event values int_corridor__value_histograms counts, as
    {'continuous': [...], 'binary': [...]}, each a list of (family, value
    SQL, condition SQL for the events counted) over the columns of
    corridor.event_terms. latency, error and correct always (correct left
    out for a regression model); a binary classifier adds precision_hit,
    recall_hit, log_loss and brier, a regression model abs_error and
    squared_error. Without the Python bootstrap (`python_bootstrap` false)
    only latency. The families whose value is 0 or 1 (labels and predicted
    classes are, once staged: error, correct, precision_hit, recall_hit) are
    'binary', counted per cell by corridor.binary_value_counts.
-#}
{% macro value_histogram_families(model_type, python_bootstrap) -%}
    {{ return(adapter.dispatch('value_histogram_families', 'corridor')(model_type, python_bootstrap)) }}
{%- endmacro %}

{% macro default__value_histogram_families(model_type, python_bootstrap) -%}
    {%- set families = [
        ('latency', 'latency_ms', 'latency_ms is not null'),
        ('error', 'case when is_error then 1 else 0 end', '1 = 1'),
        ('correct', 'case when predicted_class = label then 1 else 0 end', 'is_evaluable'),
    ] -%}
    {%- if model_type == 'binary_classifier' -%}
        {%- do families.extend([
            ('precision_hit', 'label', 'is_evaluable and predicted_class = 1'),
            ('recall_hit', 'predicted_class', 'is_evaluable and label = 1'),
            ('log_loss', 'log_loss_term', 'is_evaluable'),
            ('brier', 'brier_term', 'is_evaluable'),
        ]) -%}
    {%- else -%}
        {%- set families = families[:2] -%}
        {%- do families.extend([
            ('abs_error', 'abs_error', 'is_evaluable'),
            ('squared_error', 'squared_error', 'is_evaluable'),
        ]) -%}
    {%- endif -%}
    {%- if not python_bootstrap -%}
        {%- set families = families[:1] -%}
    {%- endif -%}
    {%- set binary_names = ['error', 'correct', 'precision_hit', 'recall_hit'] -%}
    {%- set out = {'continuous': [], 'binary': []} -%}
    {%- for family in families -%}
        {%- do out['binary' if family[0] in binary_names else 'continuous'].append(family) -%}
    {%- endfor -%}
    {{ return(out) }}
{%- endmacro %}
