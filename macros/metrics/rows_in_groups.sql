{#-
    corridor.rows_in_groups(relation, groups, grains, segments, columns, match_columns=[]):
    the distinct `columns` of the rows of `relation` (with model_id,
    model_version, <grain>_start of each of `grains` and segment_<dimension>
    of `segments`) that belong to some row of `groups` (keyed like
    corridor.window_segment_members' groups) of one of their windows x
    segments ('all' included) with equal `match_columns` (in both relations).
    A filter, not a join: which groups matched is not returned.

    - default: corridor.window_segment_members, then distinct.
    - DuckDB: one scan of `relation` with an `exists` per grain x dimension,
      or'ed. DuckDB had no size for either side of the joins (both built
      from aggregates) and hashed `relation` once per grain x dimension: 22M
      fine cells of 100M events against a few thousand groups, 140 s;
      0.2 s this way (each subquery is hashed once: mark joins).
-#}
{% macro rows_in_groups(relation, groups, grains, segments, columns, match_columns=[]) %}
    {{ return(adapter.dispatch('rows_in_groups', 'corridor')(relation, groups, grains, segments, columns, match_columns)) }}
{% endmacro %}

{% macro default__rows_in_groups(relation, groups, grains, segments, columns, match_columns) -%}
    {%- set conditions = [] -%}
    {%- for column in match_columns -%}
        {%- do conditions.append(relation ~ '.' ~ column ~ ' = ' ~ groups ~ '.' ~ column) -%}
    {%- endfor -%}
    select distinct
        {{ columns | join(',\n        ') }}
    from ({{ corridor.window_segment_members(
        relation, groups, grains, segments, columns, [], conditions | join(' and ') or '1 = 1'
    ) }}) as group_members
{%- endmacro %}

{% macro duckdb__rows_in_groups(relation, groups, grains, segments, columns, match_columns) -%}
    {%- set dimensions = ['all'] -%}
    {%- for s in segments -%}{%- do dimensions.append(s['dimension']) -%}{%- endfor -%}
    select distinct
        {%- for column in columns %}
        {{ relation }}.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ relation }}
    where
        {%- for grain in grains %}
        {%- set grain_loop = loop %}
        {%- for dimension in dimensions %}
        exists (
            select 1 from {{ groups }}
            where {{ groups }}.model_id = {{ relation }}.model_id
                and {{ groups }}.model_version = {{ relation }}.model_version
                and {{ groups }}.window_grain = '{{ grain }}'
                and {{ groups }}.window_start = {{ relation }}.{{ grain }}_start
                and {{ groups }}.segment_dimension = '{{ dimension }}'
                and {{ groups }}.segment_value = {{ "'all'" if dimension == 'all' else relation ~ '.segment_' ~ dimension }}
                {%- for column in match_columns %}
                and {{ groups }}.{{ column }} = {{ relation }}.{{ column }}
                {%- endfor %}
        ){{ ' or' if not (grain_loop.last and loop.last) }}
        {%- endfor %}
        {%- endfor %}
{%- endmacro %}
