{#
    corridor.metric_row_sql(metric, z, level): one spec of
    corridor.metric_definitions rendered to SQL, as {'value', 'n', 'se',
    'lower', 'upper', 'confidence_level', 'method', 'interval_method'} (an
    entry none when the metric has none): proportions the Wald standard
    error and the Wilson interval, F1 the delta-method error and the Wilson
    interval of TP / (TP + FP + FN) mapped through F1 = 2J / (1 + J), means the n - 1 standard error and a
    normal interval, root means (rmse) the delta-method error, latency
    quantiles (production only; their columns are read from `stats`) the
    Siddiqui-Bloch-Gastwirth error. `z` is the critical value of the
    confidence level `level`. Production metrics and the offline_evaluation
    source are both rendered here.
#}
{% macro metric_row_sql(metric, z, level) -%}
    {{ return(adapter.dispatch('metric_row_sql', 'corridor')(metric, z, level)) }}
{%- endmacro %}

{% macro default__metric_row_sql(metric, z, level) -%}
    {%- set double = corridor.type_double() -%}
    {%- set m = metric -%}
    {%- if 'proportion' in m -%}
        {%- set k, n = m['proportion'][0], m['proportion'][1] -%}
        {%- set value = 'cast(' ~ k ~ ' as ' ~ double ~ ') / nullif(' ~ n ~ ', 0)' -%}
        {%- set row = {
            'value': value,
            'n': n,
            'se': 'sqrt(' ~ value ~ ' * (1 - ' ~ value ~ ') / nullif(' ~ n ~ ', 0))',
            'lower': corridor.wilson_lower(k, n, z),
            'upper': corridor.wilson_upper(k, n, z),
            'method': 'proportion',
            'interval_method': 'wilson'} -%}
    {%- elif 'f1' in m -%}
        {#- F1 = 2 TP / (2 TP + FP + FN) = g(J) = 2J / (1 + J), J = TP / (TP + FP + FN): given m = TP + FP + FN, TP is
            Binomial(m, J), so se = g'(J) sqrt(J (1 - J) / m) with g'(J) = 2 / (1 + J)^2 (the multinomial delta method gives
            the same), and J's Wilson bounds mapped through g (increasing) are F1's -#}
        {%- set tp, fp, fn = m['f1'][0], m['f1'][1], m['f1'][2] -%}
        {%- set n = '(' ~ tp ~ ' + ' ~ fp ~ ' + ' ~ fn ~ ')' -%}
        {%- set j = '(cast(' ~ tp ~ ' as ' ~ double ~ ') / nullif(' ~ n ~ ', 0))' -%}
        {%- set jl = '(' ~ corridor.wilson_lower(tp, n, z) ~ ')' -%}
        {%- set ju = '(' ~ corridor.wilson_upper(tp, n, z) ~ ')' -%}
        {%- set row = {
            'value': '2 * ' ~ j ~ ' / (1 + ' ~ j ~ ')',
            'n': n,
            'se': '2 / ((1 + ' ~ j ~ ') * (1 + ' ~ j ~ ')) * sqrt(' ~ j ~ ' * (1 - ' ~ j ~ ') / nullif(' ~ n ~ ', 0))',
            'lower': '2 * ' ~ jl ~ ' / (1 + ' ~ jl ~ ')',
            'upper': '2 * ' ~ ju ~ ' / (1 + ' ~ ju ~ ')',
            'method': 'f1',
            'interval_method': 'wilson_f1'} -%}
    {%- elif 'mean' in m -%}
        {%- set s, ss, n = m['mean'][0], m['mean'][1], m['mean'][2] -%}
        {%- set value = s ~ ' / nullif(' ~ n ~ ', 0)' -%}
        {%- set se = corridor.mean_standard_error(s, ss, n) -%}
        {%- set row = {
            'value': value,
            'n': n,
            'se': se,
            'lower': value ~ ' - ' ~ z ~ ' * (' ~ se ~ ')',
            'upper': value ~ ' + ' ~ z ~ ' * (' ~ se ~ ')',
            'method': 'mean',
            'interval_method': 'normal'} -%}
    {%- elif 'root_mean' in m -%}
        {%- set s, ss, n = m['root_mean'][0], m['root_mean'][1], m['root_mean'][2] -%}
        {%- set value = 'sqrt(' ~ s ~ ' / nullif(' ~ n ~ ', 0))' -%}
        {%- set se = '(' ~ corridor.mean_standard_error(s, ss, n) ~ ') / nullif(2 * sqrt(' ~ s ~ ' / nullif(' ~ n ~ ', 0)), 0)' -%}
        {%- set row = {
            'value': value,
            'n': n,
            'se': se,
            'lower': value ~ ' - ' ~ z ~ ' * (' ~ se ~ ')',
            'upper': value ~ ' + ' ~ z ~ ' * (' ~ se ~ ')',
            'method': 'root_mean',
            'interval_method': 'normal_delta'} -%}
    {%- elif 'quantile' in m -%}
        {#- Siddiqui-Bloch-Gastwirth: se = sqrt(p (1 - p) / n) / f(q_p), the density f estimated as 2h / (q_{p+h} - q_{p-h}) -#}
        {%- set p, h = m['quantile'][0], m['quantile'][1] -%}
        {%- set col = 'stats.' ~ m['name'] -%}
        {%- set se = 'case when stats.n_latency >= 2 then sqrt(' ~ (p * (1 - p)) ~ ' / stats.n_latency) * (' ~ col ~ '_above - ' ~ col
            ~ '_below) / ' ~ (2 * h) ~ ' end' -%}
        {%- set row = {
            'value': col,
            'n': 'stats.n_latency',
            'se': se,
            'lower': 'case when stats.n_latency >= 2 then greatest(0.0, ' ~ col ~ ' - ' ~ z ~ ' * (' ~ se ~ ')) end',
            'upper': 'case when stats.n_latency >= 2 then ' ~ col ~ ' + ' ~ z ~ ' * (' ~ se ~ ') end',
            'method': 'sample_quantile',
            'interval_method': 'normal_sparsity'} -%}
    {%- else -%}
        {%- set se = m.get('se') -%}
        {%- set lower = none if se is none else (m['value'] ~ ' - ' ~ z ~ ' * (' ~ se ~ ')') -%}
        {%- set upper = none if se is none else (m['value'] ~ ' + ' ~ z ~ ' * (' ~ se ~ ')') -%}
        {%- if m.get('bounded') and se is not none -%}
            {#- greatest/least skip nulls, so guard them: no interval without a standard error -#}
            {%- set lower = 'case when ' ~ se ~ ' is not null then greatest(0.0, ' ~ lower ~ ') end' -%}
            {%- set upper = 'case when ' ~ se ~ ' is not null then least(1.0, ' ~ upper ~ ') end' -%}
        {%- endif -%}
        {%- set row = {
            'value': m['value'],
            'n': m['n'],
            'se': se,
            'lower': lower,
            'upper': upper,
            'method': m['method'],
            'interval_method': m.get('interval_method')} -%}
    {%- endif -%}
    {%- do row.update({'confidence_level': level if row['lower'] else none}) -%}
    {{ return(row) }}
{%- endmacro %}
