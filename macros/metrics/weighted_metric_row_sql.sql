{#
    corridor.weighted_metric_row_sql(metric, z, level, stats='stats'): a
    proportion, mean or root-mean spec of corridor.metric_definitions
    rendered over weighted statistics, as corridor.metric_row_sql does. The
    relation aliased `stats` holds, for every statistic X of the spec, the
    weighted sum X = sum_i w_i x_i and X__w2 = sum_i w_i^2 x_i^2 (for a
    0/1 statistic, sum_i w_i^2 x_i). The value is the spec's own formula on
    the weighted sums (so the same definition as production); the standard
    error is the linearized (sandwich) error of that ratio estimator,
      r = A / B,  var(r) = sum_i w_i^2 (a_i - r b_i)^2 / B^2
                         = (A2 - 2 r AB2 + r^2 B2) / B^2,
    where the denominator b is a 0/1 indicator and the numerator a is zero
    wherever b is, so AB2 = sum w^2 a (proportions: A2 = AB2 too). With
    every weight 1 a proportion's error is sqrt(r (1 - r) / n). The
    interval is normal (clipped to [0, 1] for proportions).
#}
{% macro weighted_metric_row_sql(metric, z, level, stats='stats') -%}
    {{ return(adapter.dispatch('weighted_metric_row_sql', 'corridor')(metric, z, level, stats)) }}
{%- endmacro %}

{% macro default__weighted_metric_row_sql(metric, z, level, stats) -%}
    {%- set double = corridor.type_double() -%}
    {%- set pattern = '(' ~ stats ~ '\\.[a-z_0-9]+)' -%}
    {%- set kind = (['proportion', 'mean', 'root_mean'] | select('in', metric) | list) -%}
    {%- if not kind -%}
        {{ exceptions.raise_compiler_error("corridor.weighted_metric_row_sql: metric '" ~ metric['name'] ~ "' is not a proportion, mean or "
            "root mean; only those are reweighted.") }}
    {%- endif -%}
    {%- set kind = kind[0] -%}
    {%- if kind == 'proportion' -%}
        {%- set a, b = metric['proportion'][0], metric['proportion'][1] -%}
        {%- set a2 = modules.re.sub(pattern, '\\1__w2', a) -%}
        {%- set ab2 = a2 -%}
    {%- else -%}
        {%- set a, aa, b = metric[kind][0], metric[kind][1], metric[kind][2] -%}
        {%- set a2 = modules.re.sub(pattern, '\\1__w2', aa) -%}
        {%- set ab2 = modules.re.sub(pattern, '\\1__w2', a) -%}
    {%- endif -%}
    {%- set b2 = modules.re.sub(pattern, '\\1__w2', b) -%}
    {%- set r = '(cast(' ~ a ~ ' as ' ~ double ~ ') / nullif(' ~ b ~ ', 0))' -%}
    {%- set se = 'sqrt(greatest((' ~ a2 ~ ') - 2 * ' ~ r ~ ' * (' ~ ab2 ~ ') + ' ~ r ~ ' * ' ~ r ~ ' * (' ~ b2 ~ '), 0.0)) / nullif(' ~ b
        ~ ', 0)' -%}
    {%- set value = r -%}
    {%- set method = 'weighted_' ~ kind -%}
    {%- if kind == 'root_mean' -%}
        {%- set value = 'sqrt(' ~ r ~ ')' -%}
        {%- set se = '(' ~ se ~ ') / nullif(2 * sqrt(' ~ r ~ '), 0)' -%}
    {%- endif -%}
    {%- set lower = value ~ ' - ' ~ z ~ ' * (' ~ se ~ ')' -%}
    {%- set upper = value ~ ' + ' ~ z ~ ' * (' ~ se ~ ')' -%}
    {%- if kind == 'proportion' -%}
        {%- set lower = 'greatest(0.0, ' ~ lower ~ ')' -%}
        {%- set upper = 'least(1.0, ' ~ upper ~ ')' -%}
    {%- endif -%}
    {{ return({
        'value': value,
        'n': b,
        'se': se,
        'lower': lower,
        'upper': upper,
        'confidence_level': level,
        'method': method,
        'interval_method': 'normal_linearized',
    }) }}
{%- endmacro %}
