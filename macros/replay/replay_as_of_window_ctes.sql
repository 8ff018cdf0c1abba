{#-
    corridor.replay_as_of_window_ctes(grains, measures, extra_keys=[], where=none):
    the CTEs that sum the events of each window as of each replay point,
    shared by int_corridor__replay_label_stats and
    int_corridor__replay_score_histograms. Ends in `as_of_windows`: one row
    per as_of × model version × grain × window × segment (× extra_keys) of
    the windows of `grains` and the rolling windows (corridor.rolling_windows,
    summed from the day windows, when day is in `grains`) that had ended by
    as_of and start at or after the version's cells_from of
    int_corridor__replay_label_cutoffs (so every cell of them is summed),
    with as_of, model_id, model_version, window_grain, segment_dimension,
    segment_value, window_start, `extra_keys`, each measure, window_end
    and cells_from. On an incremental run only the rows that
    corridor.replay_increment does not keep: the points not kept whole, and
    the windows of a changed model version that end after its first changed
    day (their cells from the start of the longest window holding that day:
    corridor.replay_window_floor).

    - measures: [(name, aggregate, rollup, arrived_only)]: `aggregate` is the
      SQL aggregate over the events of a cell (hour or finest grain × label
      arrival point, corridor.label_arrival_hour), `rollup` its combiner over
      cells (sum, min, max); arrived_only: summed only over the events whose
      label had arrived by as_of, else over every event.
    - where: SQL condition on the events (e.g. is_evaluable).
-#}
{% macro replay_as_of_window_ctes(grains, measures, extra_keys=[], where=none) -%}
    {%- set finest = corridor.finest_grain(grains) -%}
    {%- set segments = corridor.segment_dimensions() -%}
    {%- set keys = ['model_id', 'model_version'] + corridor.segment_column_names(segments) + [finest ~ '_start'] + extra_keys -%}
    {%- set extra = (',\n        ' ~ (extra_keys | join(',\n        '))) if extra_keys else '' -%}
    {%- set otherwise = {'sum': ' else 0'} -%}
    {%- set window_end = corridor.window_end_by_grain('windows.window_grain', 0, 'windows.window_start', grains) -%}
    {%- set increment = corridor.replay_increment() -%}
    {%- set rollups = [] -%}
    {%- for name, aggregate, rollup, arrived_only in measures %}{% do rollups.append([name, rollup]) %}{% endfor -%}
{#- the points and versions this run computes; on the delta path (corridor.replay_increment) the kept ones whose
    version changed, from the first changed day (recompute_after), and the points not kept, whole (null) #}
cutoffs as (

    {%- if increment is none or increment['path'] == 'full' %}

    select
        as_of,
        model_id,
        model_version,
        cells_from,
        cast(null as {{ dbt.type_timestamp() }}) as recompute_after

    from {{ ref('int_corridor__replay_label_cutoffs') }}
    {%- else %}

    select
        all_cutoffs.as_of,
        all_cutoffs.model_id,
        all_cutoffs.model_version,
        all_cutoffs.cells_from,
        case when kept.as_of is not null then changes.recompute_after end as recompute_after

    from {{ ref('int_corridor__replay_label_cutoffs') }} as all_cutoffs
    left join (
        select distinct as_of, model_id, model_version, cells_from
        from {{ this }}
    ) as kept
        on {{ corridor.keys_equal('all_cutoffs', 'kept', ['as_of', 'model_id', 'model_version', 'cells_from']) }}
    left join (
        {%- for version in increment['changed'] %}
        select
            {{ corridor.sql_string(version['model_id']) }} as model_id,
            {{ corridor.sql_string(version['model_version']) }} as model_version,
            {{ version['from'] }} as recompute_after
        union all
        {%- endfor %}
        select
            cast(null as {{ dbt.type_string() }}) as model_id,
            cast(null as {{ dbt.type_string() }}) as model_version,
            cast(null as {{ dbt.type_timestamp() }}) as recompute_after
        where 1 = 0
    ) as changes
        on all_cutoffs.model_id = changes.model_id
        and all_cutoffs.model_version = changes.model_version
    where kept.as_of is null or changes.recompute_after is not null
    {%- endif %}

),

{#- the first cell each computes: a window that ends after recompute_after starts at or after its floor #}
cutoff_cells as (

    select
        *,
        case
            when recompute_after is null then cells_from
            else greatest(cells_from, {{ corridor.replay_window_floor('recompute_after') }})
        end as cells_start

    from cutoffs

),

events as (

    select
        *,
        {{ corridor.label_arrival_hour('has_label', 'label_arrived_at') }} as arrived_hour

    from ({{ corridor.event_terms(ref('int_corridor__events_enriched')) }}) as event_terms
    where {{ where or '1 = 1' }}
        and model_id in (select cutoffs.model_id from cutoffs)
        and event_at >= (select min(cutoff_cells.cells_start) from cutoff_cells)

),

cells as {{ corridor.materialized_cte() }} (

    select
        {{ keys | join(',\n        ') }},
        {%- for name, aggregate, rollup, arrived_only in measures %}
        {{ aggregate }} as {{ name }},
        {%- endfor %}
        arrived_hour

    from events
    group by {{ keys | join(', ') }}, arrived_hour

),

as_of_cells as (

    select
        cutoffs.as_of,
        cells.{{ keys | join(',\n        cells.') }},
        {%- for name, aggregate, rollup, arrived_only in measures %}
        {%- if arrived_only %}
        {{ rollup }}(case when cells.arrived_hour <= cutoffs.as_of then cells.{{ name }}{{ otherwise.get(rollup, '') }} end) as {{ name }}
        {%- else %}
        {{ rollup }}(cells.{{ name }}) as {{ name }}
        {%- endif %}{{ ',' if not loop.last }}
        {%- endfor %}

    from cells
    inner join cutoff_cells as cutoffs
        on cells.model_id = cutoffs.model_id
        and cells.model_version = cutoffs.model_version
        and cells.{{ finest }}_start >= cutoffs.cells_start
        and cells.{{ finest }}_start < cutoffs.as_of
    group by
        cutoffs.as_of,
        cells.{{ keys | join(',\n        cells.') }}

),

as_of_starts as (

    select
        *{{ corridor.coarser_window_starts(grains, finest) }}

    from as_of_cells

),

{{ corridor.window_segment_rollup_ctes(
    'calendar_rollup', 'as_of_starts', {'grains': grains, 'finest': finest, 'segments': segments}, ['as_of'] + extra_keys,
    rollups
) }},

calendar_windows as (

    select
        as_of,
        model_id,
        model_version,
        window_grain,
        window_start,
        segment_dimension,
        segment_value{{ extra }},
        {%- for name, aggregate, rollup, arrived_only in measures %}
        {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from calendar_rollup

),

rolling_offsets as (

    {{ corridor.rolling_offsets() }}

),

{# a rolling window sums its days, as int_corridor__rolling_window_stats does #}
rolling_windows as (

    select
        day_windows.as_of,
        day_windows.model_id,
        day_windows.model_version,
        offsets.window_grain,
        {{ corridor.window_offset('day', '-offsets.days_back', 'day_windows.window_start') }} as window_start,
        day_windows.segment_dimension,
        day_windows.segment_value{{ extra | replace(',\n        ', ',\n        day_windows.') }},
        {%- for name, aggregate, rollup, arrived_only in measures %}
        {{ rollup }}(day_windows.{{ name }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from calendar_windows as day_windows
    inner join rolling_offsets as offsets
        on day_windows.window_grain = 'day'
    group by
        day_windows.as_of,
        day_windows.model_id,
        day_windows.model_version,
        offsets.window_grain,
        {{ corridor.window_offset('day', '-offsets.days_back', 'day_windows.window_start') }},
        day_windows.segment_dimension,
        day_windows.segment_value{{ extra | replace(',\n        ', ',\n        day_windows.') }}

),

windows as (

    select * from calendar_windows
    union all
    select * from rolling_windows

),

as_of_windows as (

    select
        windows.*,
        {{ window_end }} as window_end,
        cutoffs.cells_from

    from windows
    inner join cutoffs
        on windows.as_of = cutoffs.as_of
        and windows.model_id = cutoffs.model_id
        and windows.model_version = cutoffs.model_version
        and windows.window_start >= cutoffs.cells_from
    where {{ window_end }} <= windows.as_of
        and (cutoffs.recompute_after is null or {{ window_end }} > cutoffs.recompute_after)

)
{%- endmacro %}
