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
    'moment_scales' maps each continuous family whose statistics are all
    means of a bounded value to a power of two at least its largest value:
    brier (at most 1: scores lie in [0, 1] once staged) and log_loss (at most
    -ln(1e-15) = 34.5, the clipped score of corridor.label_metric_terms), 64.
    Their groups above corridor_bootstrap_asymptotic_events events arrive as
    exact power sums of value / scale (corridor.moment_power_term), not one
    row per distinct value; corridor.bootstrap.MOMENT_FAMILIES lists the
    families the kernel accepts as moments.
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
    {%- set out = {'continuous': [], 'binary': [], 'moment_scales': {}} -%}
    {%- set bounded = {'brier': 1, 'log_loss': 64} -%}
    {%- for family in families -%}
        {%- do out['binary' if family[0] in binary_names else 'continuous'].append(family) -%}
        {%- if family[0] in bounded -%}
            {%- do out['moment_scales'].update({family[0]: bounded[family[0]]}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(out) }}
{%- endmacro %}
