-- Every production metric equals the independently computed reference
-- (integration_tests/pytest/reference_metrics.py: pandas, scipy, scikit-learn),
-- both ways: no expected row missing, no unexpected row, values within 1e-6.
{%- set tol = 1e-6 %}

with

expected as (

    select * from {{ ref('expected_production_metrics') }}

),

actual as (

    select * from {{ ref('corridor_metric_observations') }}
    where source = 'production'
        -- the seed holds hourly rows for overall traffic only
        and (window_grain != 'hour' or segment_dimension = 'all')

),

compared as (

    select
        coalesce(expected.metric, actual.metric) as metric,
        coalesce(expected.segment_dimension, actual.segment_dimension) as segment_dimension,
        coalesce(expected.segment_value, actual.segment_value) as segment_value,
        coalesce(expected.window_grain, actual.window_grain) as window_grain,
        coalesce(expected.window_start, actual.window_start) as window_start,
        expected.metric_value as expected_value,
        actual.metric_value as actual_value,
        expected.sample_size as expected_n,
        actual.sample_size as actual_n,
        expected.standard_error as expected_se,
        actual.standard_error as actual_se,
        expected.interval_lower as expected_lower,
        actual.interval_lower as actual_lower,
        expected.interval_upper as expected_upper,
        actual.interval_upper as actual_upper,
        expected.metric is null as is_unexpected,
        actual.metric is null as is_missing

    from expected
    full outer join actual
        on expected.model_id = actual.model_id
        and expected.model_version = actual.model_version
        and expected.metric = actual.metric
        and expected.segment_dimension = actual.segment_dimension
        and expected.segment_value = actual.segment_value
        and expected.window_grain = actual.window_grain
        and expected.window_start = actual.window_start

)

select *
from compared
where is_unexpected
    or is_missing
    or expected_n != actual_n
    or (expected_value is null) != (actual_value is null)
    or abs(expected_value - actual_value) > {{ tol }} * greatest(1, abs(expected_value))
    or (expected_se is null) != (actual_se is null)
    or abs(expected_se - actual_se) > {{ tol }} * greatest(1, abs(expected_se))
    or (expected_lower is null) != (actual_lower is null)
    or abs(expected_lower - actual_lower) > {{ tol }} * greatest(1, abs(expected_lower))
    or abs(expected_upper - actual_upper) > {{ tol }} * greatest(1, abs(expected_upper))
