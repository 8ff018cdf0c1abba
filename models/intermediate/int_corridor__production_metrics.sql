{#-
    Production metrics in the shared long shape: one row per model version ×
    metric × segment × grain × window of the window grid, each a closed-form
    function of the sufficient statistics, with its sample size, standard
    error and an interval at corridor_confidence_level where one exists in closed form:
    Wilson for proportions, normal for means (and for AUC with the Hanley-McNeil
    standard error), and for latency quantiles a normal interval with the
    Siddiqui-Bloch-Gastwirth standard error (density from neighbouring sample
    quantiles; lower bound clipped at 0).
-#}
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set level = corridor.setting('corridor_confidence_level') -%}
{%- set z = corridor.z_for_level(level) -%}
{%- set double = corridor.type_double() -%}

{%- set n_ev = 'coalesce(stats.n_events, 0)' -%}
{%- set p_err = 'cast(stats.n_errors as ' ~ double ~ ') / nullif(stats.n_events, 0)' -%}

{%- set metrics = [
    {'name': 'request_count', 'value': 'cast(' ~ n_ev ~ ' as ' ~ double ~ ')', 'n': n_ev, 'method': 'count'},
    {'name': 'throughput_per_hour', 'value': 'cast(' ~ n_ev ~ ' as ' ~ double ~ ') / stats.grain_hours', 'n': n_ev, 'method': 'count_per_hour'},
    {'name': 'error_rate', 'proportion': ['stats.n_errors', 'stats.n_events']},
    {'name': 'latency_mean', 'mean': ['stats.latency_sum', 'stats.latency_sum_squares', 'stats.n_latency']},
    {'name': 'latency_p50', 'quantile': [0.5, 0.05]},
    {'name': 'latency_p95', 'quantile': [0.95, 0.02]},
    {'name': 'latency_p99', 'quantile': [0.99, 0.005]},
    {'name': 'label_maturity', 'proportion': ['stats.n_labeled', 'stats.n_events']},
] -%}
{%- if model_type == 'binary_classifier' -%}
    {%- do metrics.extend([
        {'name': 'accuracy', 'proportion': ['stats.n_true_positive + stats.n_true_negative', 'stats.n_evaluated']},
        {'name': 'precision', 'proportion': ['stats.n_true_positive', 'stats.n_true_positive + stats.n_false_positive']},
        {'name': 'recall', 'proportion': ['stats.n_true_positive', 'stats.n_true_positive + stats.n_false_negative']},
        {'name': 'log_loss', 'mean': ['stats.log_loss_sum', 'stats.log_loss_sum_squares', 'stats.n_evaluated']},
        {'name': 'brier_score', 'mean': ['stats.brier_sum', 'stats.brier_sum_squares', 'stats.n_evaluated']},
        {'name': 'auc', 'value': 'stats.auc', 'n': 'stats.hist_n_evaluated', 'se': 'stats.auc_standard_error', 'method': 'mann_whitney', 'interval_method': 'normal_hanley_mcneil', 'bounded': true},
        {'name': 'expected_calibration_error', 'value': 'stats.expected_calibration_error', 'n': 'stats.hist_n_evaluated', 'method': 'binned_calibration_gap'},
    ]) -%}
{%- else -%}
    {%- do metrics.extend([
        {'name': 'mae', 'mean': ['stats.abs_error_sum', 'stats.abs_error_sum_squares', 'stats.n_evaluated']},
        {'name': 'rmse',
         'value': 'sqrt(stats.squared_error_sum / nullif(stats.n_evaluated, 0))',
         'n': 'stats.n_evaluated',
         'se': '(' ~ corridor.mean_standard_error('stats.squared_error_sum', 'stats.squared_error_sum_squares', 'stats.n_evaluated') ~ ') / nullif(2 * sqrt(stats.squared_error_sum / nullif(stats.n_evaluated, 0)), 0)',
         'method': 'root_mean',
         'interval_method': 'normal_delta'},
    ]) -%}
{%- endif -%}
{%- set unmapped = corridor.unmapped_metrics() -%}
{%- set metrics = metrics | rejectattr('name', 'in', unmapped.keys() | list) | list -%}

with

windows as (

    select * from {{ ref('int_corridor__production_windows') }}

),

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}
    union all
    select * from {{ ref('int_corridor__rolling_window_stats') }}

),

histogram_metrics as (

    select * from {{ ref('int_corridor__production_histogram_metrics') }}

),

joined as (

    select
        windows.model_id,
        windows.model_version,
        windows.window_grain,
        windows.segment_dimension,
        windows.segment_value,
        windows.grain_hours,
        windows.window_start,
        windows.window_end,
        stats.n_events,
        stats.n_errors,
        stats.n_latency,
        stats.n_labeled,
        stats.n_evaluated,
        stats.n_true_positive,
        stats.n_false_positive,
        stats.n_true_negative,
        stats.n_false_negative,
        stats.latency_sum,
        stats.latency_sum_squares,
        stats.latency_p50,
        stats.latency_p95,
        stats.latency_p99,
        stats.latency_p50_below,
        stats.latency_p50_above,
        stats.latency_p95_below,
        stats.latency_p95_above,
        stats.latency_p99_below,
        stats.latency_p99_above,
        stats.log_loss_sum,
        stats.log_loss_sum_squares,
        stats.brier_sum,
        stats.brier_sum_squares,
        stats.abs_error_sum,
        stats.abs_error_sum_squares,
        stats.squared_error_sum,
        stats.squared_error_sum_squares,
        hist.n_evaluated as hist_n_evaluated,
        hist.auc,
        hist.auc_standard_error,
        hist.expected_calibration_error,
        cast(stats.n_labeled as {{ double }}) / nullif(stats.n_events, 0) as label_maturity

    from windows
    left join window_stats as stats
        on {{ corridor.keys_equal('windows', 'stats', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}
    left join histogram_metrics as hist
        on {{ corridor.keys_equal('windows', 'hist', [
            'model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'
        ]) }}

),

metric_rows as (

    {%- for m in metrics %}
    {%- if 'proportion' in m %}
        {%- set k, n = m['proportion'][0], m['proportion'][1] %}
        {%- set value = 'cast(' ~ k ~ ' as ' ~ double ~ ') / nullif(' ~ n ~ ', 0)' %}
        {%- set row = {
            'value': value,
            'n': n,
            'se': 'sqrt(' ~ value ~ ' * (1 - ' ~ value ~ ') / nullif(' ~ n ~ ', 0))',
            'lower': corridor.wilson_lower(k, n, z),
            'upper': corridor.wilson_upper(k, n, z),
            'method': 'proportion',
            'interval_method': 'wilson'} %}
    {%- elif 'mean' in m %}
        {%- set s, ss, n = m['mean'][0], m['mean'][1], m['mean'][2] %}
        {%- set value = s ~ ' / nullif(' ~ n ~ ', 0)' %}
        {%- set se = corridor.mean_standard_error(s, ss, n) %}
        {%- set row = {
            'value': value,
            'n': n,
            'se': se,
            'lower': value ~ ' - ' ~ z ~ ' * (' ~ se ~ ')',
            'upper': value ~ ' + ' ~ z ~ ' * (' ~ se ~ ')',
            'method': 'mean',
            'interval_method': 'normal'} %}
    {%- elif 'quantile' in m %}
        {#- Siddiqui-Bloch-Gastwirth: se = sqrt(p (1 - p) / n) / f(q_p), the density f estimated as 2h / (q_{p+h} - q_{p-h}) -#}
        {%- set p, h = m['quantile'][0], m['quantile'][1] %}
        {%- set col = 'stats.' ~ m['name'] %}
        {%- set se = 'case when stats.n_latency >= 2 then sqrt(' ~ (p * (1 - p)) ~ ' / stats.n_latency) * (' ~ col ~ '_above - ' ~ col ~ '_below) / ' ~ (2 * h) ~ ' end' %}
        {%- set row = {
            'value': col,
            'n': 'stats.n_latency',
            'se': se,
            'lower': 'case when stats.n_latency >= 2 then greatest(0.0, ' ~ col ~ ' - ' ~ z ~ ' * (' ~ se ~ ')) end',
            'upper': 'case when stats.n_latency >= 2 then ' ~ col ~ ' + ' ~ z ~ ' * (' ~ se ~ ') end',
            'method': 'sample_quantile',
            'interval_method': 'normal_sparsity'} %}
    {%- else %}
        {%- set se = m.get('se') %}
        {%- set lower = none if se is none else (m['value'] ~ ' - ' ~ z ~ ' * (' ~ se ~ ')') %}
        {%- set upper = none if se is none else (m['value'] ~ ' + ' ~ z ~ ' * (' ~ se ~ ')') %}
        {%- if m.get('bounded') and se is not none %}
            {#- greatest/least skip nulls, so guard them: no interval without a standard error -#}
            {%- set lower = 'case when ' ~ se ~ ' is not null then greatest(0.0, ' ~ lower ~ ') end' %}
            {%- set upper = 'case when ' ~ se ~ ' is not null then least(1.0, ' ~ upper ~ ') end' %}
        {%- endif %}
        {%- set row = {
            'value': m['value'],
            'n': m['n'],
            'se': se,
            'lower': lower,
            'upper': upper,
            'method': m['method'],
            'interval_method': m.get('interval_method')} %}
    {%- endif %}

    select
        model_id,
        model_version,
        '{{ m['name'] }}' as metric,
        segment_dimension,
        segment_value,
        window_grain,
        '{{ row['method'] }}' as method,
        {{ "'" ~ row['interval_method'] ~ "'" if row['interval_method'] else 'null' }} as interval_method,
        cast({{ row['value'] }} as {{ double }}) as metric_value,
        cast(coalesce({{ row['n'] }}, 0) as {{ dbt.type_bigint() }}) as sample_size,
        cast({{ row['se'] if row['se'] else 'null' }} as {{ double }}) as standard_error,
        cast({{ row['lower'] if row['lower'] else 'null' }} as {{ double }}) as interval_lower,
        cast({{ row['upper'] if row['upper'] else 'null' }} as {{ double }}) as interval_upper,
        cast({{ level if row['lower'] else 'null' }} as {{ double }}) as confidence_level,
        label_maturity,
        window_start,
        window_end

    from joined as stats
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)

select * from metric_rows
