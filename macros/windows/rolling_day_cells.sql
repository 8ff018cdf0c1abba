{#
    corridor.rolling_day_cells(relation, columns, last_days=none): the day rows of
    `relation` (window_grain = 'day'), each repeated once per rolling window
    that contains its day (corridor.rolling_windows): a query of `columns`
    (read from `relation`), window_grain (the rolling window's name) and
    window_start (the rolling window's start). Grouping the result by its
    keys and window_grain, window_start and summing sums the N day cells of
    each rolling window: cost grows with day cells times N, never with
    events. A rolling window is kept when its last day lies on or before the
    last day with events of its model version (int_corridor__production_window_stats,
    or `last_days`: a relation of (model_id, model_version, last_day_start),
    for a model upstream of the window statistics), so no window reaches past the data; the first windows of a version
    (as of its first days) hold fewer than N days of events, as they should.
    `relation` must have model_id, model_version, window_grain and
    window_start; an empty query when no rolling window is configured.
#}
{% macro rolling_day_cells(relation, columns, last_days=none) %}
    {{ return(adapter.dispatch('rolling_day_cells', 'corridor')(relation, columns, last_days)) }}
{% endmacro %}

{% macro default__rolling_day_cells(relation, columns, last_days=none) -%}
    select
        {%- for column in columns %}
        day_cells.{{ column }},
        {%- endfor %}
        offsets.window_grain,
        {{ corridor.window_offset('day', '-offsets.days_back', 'day_cells.window_start') }} as window_start

    from {{ relation }} as day_cells
    inner join (
        {{ corridor.rolling_offsets() }}
    ) as offsets
        on day_cells.window_grain = 'day'
    inner join (
        {%- if last_days is not none %}
        select * from {{ last_days }}
        {%- else %}
        select
            model_id,
            model_version,
            max(window_start) as last_day_start
        from {{ ref('int_corridor__production_window_stats') }}
        where window_grain = 'day' and segment_dimension = 'all'
        group by model_id, model_version
        {%- endif %}
    ) as version_days
        on day_cells.model_id = version_days.model_id
        and day_cells.model_version = version_days.model_version
    {#- the window's last day, days - 1 - days_back days after this one, is not after the version's last day #}
    where {{ corridor.windows_between('day', 'day_cells.window_start', 'version_days.last_day_start') }} >= offsets.days - 1 -
        offsets.days_back
{%- endmacro %}
