-- Metrics whose intervals are widening.
--
-- For every production series (model version x metric x segment) at one
-- window grain, compares the mean width of the intervals in the latest
-- `recent_windows` windows of the grain with the `recent_windows` windows
-- before them. A wider interval means less certainty about production: less
-- traffic, fewer labels arriving, or a noisier metric. traffic_explained_ratio
-- is the widening that the drop in sample size alone would cause (widths
-- scale as 1 / sqrt(n)); unexplained_ratio = width_ratio /
-- traffic_explained_ratio is what is left: above 1, the metric itself became
-- noisier (more spread in latency, scores nearer the decision boundary...).
-- Series without enough windows in both periods (a model version retired or
-- just rolled out) are left out. Edit the three settings below.

{% set window_grain = 'day' %}
{% set recent_windows = 7 %}
{% set min_width_ratio = 1.25 %}

with observations as (

    select
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        window_start,
        sample_size,
        interval_upper - interval_lower as interval_width
    from {{ ref('corridor_metric_observations') }}
    where
        source = 'production'
        and window_grain = '{{ window_grain }}'
        and interval_lower is not null
        and interval_upper is not null
        and sample_size > 0

),

windows_ranked as (

    -- the grain's windows numbered from the latest, across all series, so that
    -- "recent" means the same calendar windows for every series
    select
        window_start,
        row_number() over (order by window_start desc) as window_recency
    from (select distinct window_start from observations) as distinct_windows

),

periods as (

    select
        observations.*,
        case
            when windows_ranked.window_recency <= {{ recent_windows }} then 'recent'
            else 'prior'
        end as period
    from observations
    inner join windows_ranked
        on observations.window_start = windows_ranked.window_start
    where windows_ranked.window_recency <= {{ 2 * recent_windows }}

),

compared as (

    select
        model_id,
        model_version,
        metric,
        segment_dimension,
        segment_value,
        min(case when period = 'recent' then window_start end) as recent_from,
        max(case when period = 'recent' then window_start end) as recent_to,
        sum(case when period = 'recent' then 1 else 0 end) as recent_windows,
        sum(case when period = 'prior' then 1 else 0 end) as prior_windows,
        avg(case when period = 'recent' then interval_width end) as recent_mean_width,
        avg(case when period = 'prior' then interval_width end) as prior_mean_width,
        avg(case when period = 'recent' then cast(sample_size as {{ corridor.type_double() }}) end)
            as recent_mean_sample_size,
        avg(case when period = 'prior' then cast(sample_size as {{ corridor.type_double() }}) end)
            as prior_mean_sample_size
    from periods
    group by model_id, model_version, metric, segment_dimension, segment_value

),

ratios as (

    select
        *,
        recent_mean_width / prior_mean_width as width_ratio,
        sqrt(prior_mean_sample_size / recent_mean_sample_size) as traffic_explained_ratio
    from compared
    where
        recent_windows >= {{ (recent_windows + 1) // 2 }}
        and prior_windows >= {{ (recent_windows + 1) // 2 }}
        and prior_mean_width > 0

)

select
    model_id,
    model_version,
    metric,
    segment_dimension,
    segment_value,
    recent_from,
    recent_to,
    recent_windows,
    prior_windows,
    prior_mean_width,
    recent_mean_width,
    width_ratio,
    prior_mean_sample_size,
    recent_mean_sample_size,
    traffic_explained_ratio,
    width_ratio / traffic_explained_ratio as unexplained_ratio
from ratios
where width_ratio >= {{ min_width_ratio }}
order by width_ratio desc, metric asc, segment_dimension asc, segment_value asc
