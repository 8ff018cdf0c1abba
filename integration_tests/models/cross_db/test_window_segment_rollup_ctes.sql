{#- corridor.window_segment_rollup_ctes: fine hour cells rolled up to every window x segment, against the brute-force
    sums of scripts/make_cross_db_expected.py. Hours on both sides of a month's end inside one ISO week (Wed 09-30 23:00,
    Thu 10-01) and in the next week. Three layouts: (a) hour, day, week and month with two segment dimensions, a key
    column and sum (cast), min and max; (b) week and month only, whose fine cells are days (not a built grain), no
    segments; (c) hour and week, one segment dimension, so weeks are summed from hours -#}
{%- set cells = [
    ('v1', 'x', 'p', '2026-09-28 00:00:00', 1, 3, 1.5, 2.0),
    ('v1', 'x', 'q', '2026-09-28 00:00:00', 1, 2, 0.5, 4.0),
    ('v1', 'y', 'p', '2026-09-28 07:00:00', 2, 1, 3.0, 3.0),
    ('v1', 'x', 'p', '2026-09-30 23:00:00', 1, 5, -1.0, 9.5),
    ('v1', 'y', 'q', '2026-10-01 00:00:00', 1, 4, 2.0, 2.5),
    ('v1', 'x', 'p', '2026-10-01 05:00:00', 2, 7, 0.25, 8.0),
    ('v1', 'x', 'q', '2026-10-05 10:00:00', 1, 1, 6.0, 6.0),
    ('v2', 'x', 'p', '2026-10-01 05:00:00', 1, 2, 1.0, 1.25),
    ('v2', 'y', 'p', '2026-10-05 10:00:00', 1, 6, -2.5, 0.0),
    ('v2', 'y', 'p', '2026-10-05 11:00:00', 1, 8, 4.0, 5.0),
] -%}
{%- set layouts = {
    'a': {'grains': ['hour', 'day', 'week', 'month'], 'segments': [{'dimension': 'a'}, {'dimension': 'b'}], 'extra': ['k'],
          'measures': [['n_events', 'sum', dbt.type_bigint()], ['min_value', 'min'], ['max_value', 'max']]},
    'b': {'grains': ['week', 'month'], 'segments': [], 'extra': [], 'measures': [['n_events', 'sum']]},
    'c': {'grains': ['hour', 'week'], 'segments': [{'dimension': 'b'}], 'extra': [],
          'measures': [['n_events', 'sum'], ['max_value', 'max']]},
} -%}
{%- set double = corridor.type_double() -%}
with fine_hours as (
    {%- for version, a, b, hour, k, n, low, high in cells %}
    select
        'm' as model_id,
        '{{ version }}' as model_version,
        '{{ a }}' as segment_a,
        '{{ b }}' as segment_b,
        cast('{{ hour }}' as {{ dbt.type_timestamp() }}) as hour_start,
        {{ k }} as k,
        cast({{ n }} as {{ dbt.type_bigint() }}) as n_events,
        cast({{ low }} as {{ double }}) as min_value,
        cast({{ high }} as {{ double }}) as max_value
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

{%- for name, layout in layouts.items() %}
{%- set finest = corridor.finest_grain(layout.grains) %}
{%- set layout_cells = {'grains': layout.grains, 'finest': finest, 'segments': layout.segments} %}

fine_{{ name }}_base as (
    select
        model_id,
        model_version,
        {%- for s in layout.segments %}
        segment_{{ s['dimension'] }},
        {%- endfor %}
        {{ corridor.window_start(finest, 'hour_start') }} as {{ finest }}_start,
        {%- for column in layout.extra %}
        {{ column }},
        {%- endfor %}
        n_events,
        min_value,
        max_value
    from fine_hours
),

fine_{{ name }} as (
    select *{{ corridor.coarser_window_starts(layout.grains, finest) }}
    from fine_{{ name }}_base
),

{{ corridor.window_segment_rollup_ctes('rolled_' ~ name, 'fine_' ~ name, layout_cells, layout.extra, layout.measures) }},
{%- endfor %}

results as (
    {%- for name, layout in layouts.items() %}
    {%- set measures = layout.measures | map(attribute=0) | list %}
    select
        '{{ name }}|' || window_grain || '|' || cast(cast({{ corridor.epoch_seconds('window_start') }} as {{ dbt.type_bigint() }}) as {{ dbt.type_string() }})
            || '|' || model_version || '|' || segment_dimension || '|' || segment_value
            || '|' || {{ "cast(k as " ~ dbt.type_string() ~ ")" if 'k' in layout.extra else "'-'" }} as case_key,
        cast(n_events as {{ dbt.type_bigint() }}) as n_events,
        {{ 'min_value' if 'min_value' in measures else 'cast(null as ' ~ double ~ ')' }} as min_value,
        {{ 'max_value' if 'max_value' in measures else 'cast(null as ' ~ double ~ ')' }} as max_value
    from rolled_{{ name }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
)

select * from results
