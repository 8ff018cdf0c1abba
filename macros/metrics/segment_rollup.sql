{#
    corridor.segment_rollup(relation, keys, segments, by, measures, name):
    two CTEs, `fine_cells` and `<name>`, the step the offline models share
    (the backtest rows summed once, then rolled up to every segment):

      fine_cells  the rows of `relation` grouped by keys, every segment
                  column (segment_<dimension>) and `by`, each measure
                  [column, fine aggregate, rollup aggregate] computed as
                  `<fine aggregate> as <column>`;
      <name>      one union branch per segment grouping (all traffic, then
                  each dimension of `segments`): keys, segment_dimension,
                  segment_value (the segment column, 'all' for all traffic),
                  `by`, and `<rollup aggregate>(<column>) as <column>`.

    keys and by are lists of column names, measures a list of
    [column, fine aggregate expression, rollup aggregate function] (e.g.
    ['n_rows', 'count(*)', 'sum']). The caller writes the CTEs around it:
    `with rows as (...), {{ corridor.segment_rollup(...) }}, next as (...)`.
    The cost grows with rows once and then with fine cells × groupings.
#}
{% macro segment_rollup(relation, keys, segments, by, measures, name) -%}
    {{ return(adapter.dispatch('segment_rollup', 'corridor')(relation, keys, segments, by, measures, name)) }}
{%- endmacro %}

{% macro default__segment_rollup(relation, keys, segments, by, measures, name) -%}
{%- set string = dbt.type_string() -%}
{%- set fine_keys = keys + [] -%}
{%- for s in segments -%}
    {%- do fine_keys.append('segment_' ~ s['dimension']) -%}
{%- endfor -%}
{%- do fine_keys.extend(by) -%}
{%- set groupings = [{'dimension': 'all', 'column': none}] -%}
{%- for s in segments -%}
    {%- do groupings.append({'dimension': s['dimension'], 'column': 'segment_' ~ s['dimension']}) -%}
{%- endfor -%}
fine_cells as (

    select
        {{ fine_keys | join(',\n        ') }},
        {%- for column, fine, rollup in measures %}
        {{ fine }} as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from {{ relation }}
    group by
        {{ fine_keys | join(',\n        ') }}

),

{{ name }} as (

    {%- for g in groupings %}
    {%- set group_by = keys + ([g['column']] if g['column'] else []) + by %}
    select
        {{ keys | join(',\n        ') }},
        cast({{ corridor.sql_string(g['dimension']) }} as {{ string }}) as segment_dimension,
        cast({{ g['column'] or corridor.sql_string('all') }} as {{ string }}) as segment_value,
        {%- for column in by %}
        {{ column }},
        {%- endfor %}
        {%- for column, fine, rollup in measures %}
        {{ rollup }}({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}

    from fine_cells
    group by {{ group_by | join(', ') }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}

)
{%- endmacro %}
