{#-
    corridor.window_segment_rollup_ctes(name, source, cells, extra=[], measures=none, computed_once=false,
    stored_days=none):
    CTEs (no leading `with`, no trailing comma) that roll the fine cells in
    `source` up to every window × segment of `cells` (corridor.window_cells:
    grains, finest, segments), ending in the CTE `name` with the columns
    model_id, model_version, window_grain, window_start, segment_dimension,
    segment_value, each column of `extra` (kept as keys) and each measure.

    `source` holds the fine cells: corridor.fine_cell_keys(cells.segments,
    cells.finest), corridor.coarser_window_starts(cells.grains,
    cells.finest), the `extra` columns and the measure columns. `measures`:
    a list of [column, aggregate] or [column, aggregate, type] (the result
    cast to `type`; none: [['n_events', 'sum']]), each aggregate one that
    combines its own partial results (sum, min, max), so a coarse window
    may be summed from finer ones and the result is that of one aggregate
    over the fine cells: integer counts, minima and maxima exactly
    (corridor.window_segment_measures).

    - default: one GROUPING SETS over the fine cells, every grain × segment
      from the fine cells (corridor.window_segment_grouping_sets); with
      computed_once, a CTE that Spark computes once for its several readers
      (corridor.computed_once_condition).
    - DuckDB: a roll-up by levels. The finest grain × each segment first
      (1 + number of segment dimensions grouping sets over the fine cells),
      days from hours, and weeks and months from days (or from the finest
      grain: corridor.finest_grain says which grains nest in which).
      DuckDB 2.0 feeds every grouping set from one fan-out of its input, so
      12 sets (3 grains × overall and 3 segment dimensions) hash each fine
      cell 12 times; by levels, each fine cell 4 times and the coarser
      grains from the much smaller finer level.

    stored_days (DuckDB only, with days a level): a relation (CTE name) of
    the model's own stored day rows, with the columns of `name` in their
    order (corridor.kept_day_rows(day_rows, extra + measure names)), that the
    weeks and months are summed from beside the day rows rolled up here. A
    daily run that recomputes only the lookback's days
    (corridor.lookback_day_start) keeps the earlier days of the lookback's
    week and month and sums those windows from them
    (corridor.day_lookback_condition); the rows returned are the recomputed
    days' and the coarser windows', never the stored days'.
-#}
{% macro window_segment_rollup_ctes(name, source, cells, extra=[], measures=none, computed_once=false, stored_days=none) -%}
    {{ return(adapter.dispatch('window_segment_rollup_ctes', 'corridor')(
        name, source, cells, extra, measures or [['n_events', 'sum']], computed_once, stored_days
    )) }}
{%- endmacro %}

{% macro default__window_segment_rollup_ctes(name, source, cells, extra, measures, computed_once, stored_days) -%}
{%- if stored_days is not none -%}
    {{ exceptions.raise_compiler_error("corridor.window_segment_rollup_ctes: stored_days needs the roll-up by levels (DuckDB)") }}
{%- endif -%}
{{ name }} as (

    select
        model_id,
        model_version,
        {{ corridor.window_segment_keys(cells.grains, cells.segments) }},
        {{ corridor.window_segment_measures(extra, measures) }}

    from {{ source }}
    {{ corridor.where_clause(corridor.computed_once_condition() if computed_once else none) }}
    group by {{ corridor.window_segment_grouping_sets(cells.grains, cells.segments, extra) }}

)
{%- endmacro %}

{% macro duckdb__window_segment_rollup_ctes(name, source, cells, extra, measures, computed_once, stored_days) -%}
{%- set finest = cells.finest -%}
{%- set tail = (', ' ~ (extra | join(', '))) if extra else '' -%}
{#- the levels kept as CTEs: the finest grain, and days when hours are the finest and days are built; weeks and
    months are summed from days when days are a level, else from the finest grain -#}
{%- set levels = [finest] + (['day'] if finest == 'hour' and 'day' in cells.grains else []) -%}
{%- set coarse_source = name ~ '_' ~ ('day' if 'day' in levels else finest) -%}
{%- if stored_days is not none and ('day' not in levels or 'day' not in cells.grains) -%}
    {{ exceptions.raise_compiler_error("corridor.window_segment_rollup_ctes: stored_days needs day windows among " ~ cells.grains) }}
{%- endif -%}
{{ name }}_{{ finest }} as {{ corridor.materialized_cte() }} (

    select
        model_id,
        model_version,
        '{{ finest }}' as window_grain,
        {{ finest }}_start as window_start,
        {{ corridor.segment_grouping_keys(cells.segments) }},
        {{ corridor.window_segment_measures(extra, measures) }}

    from {{ source }}
    group by
        {%- if cells.segments | length == 0 %}
        model_id, model_version, {{ finest }}_start{{ tail }}
        {%- else %}
        grouping sets (
            (model_id, model_version, {{ finest }}_start{{ tail }}),
            {%- for s in cells.segments %}
            (model_id, model_version, {{ finest }}_start, segment_{{ s['dimension'] }}{{ tail }}){{ ',' if not loop.last }}
            {%- endfor %}
        )
        {%- endif %}

),
{%- for grain in levels if grain != finest %}

{{ name }}_{{ grain }} as {{ corridor.materialized_cte() }} (

    {{ corridor.window_segment_level(name ~ '_' ~ finest, grain, extra, measures) }}

),
{%- endfor %}
{%- if stored_days is not none %}

{{ name }}_days_kept as (

    select * from {{ name }}_day

    union all

    select * from {{ stored_days }}

),
{%- set coarse_source = name ~ '_days_kept' %}
{%- endif %}

{{ name }} as (
    {%- for grain in cells.grains %}
    {%- if not loop.first %}

    union all
    {%- endif %}
    {%- if grain in levels %}

    select * from {{ name }}_{{ grain }}
    {%- else %}

    {{ corridor.window_segment_level(coarse_source if grain in ['week', 'month'] else name ~ '_' ~ finest, grain, extra, measures) }}
    {%- endif %}
    {%- endfor %}

)
{%- endmacro %}
