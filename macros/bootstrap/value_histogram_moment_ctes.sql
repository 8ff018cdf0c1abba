{#-
    corridor.value_histogram_moment_ctes(cells, moment_scales, families): the
    CTEs (moment_fine_cells .. large_moment_groups; no leading `with`, no
    trailing comma) of int_corridor__value_histograms for the bounded mean
    families (`moment_scales`: corridor.value_histogram_families' family ->
    scale; `families`: their (family, value SQL, condition SQL) entries of its
    'continuous' list), counted into fine cells of their own from the model's
    `events` CTE (`cells`: corridor.window_cells): several CTEs below read
    them, and the other families' cells, read once, then stream into their
    roll-up instead of being kept with these. Without such families they
    read the model's fine_cells_with_windows, and find nothing.
    Each fine cell's size and exact power sums of value / scale
    (corridor.moment_power_term) are rolled up to every group
    (corridor.window_segment_rollup_ctes); a group above
    corridor_bootstrap_asymptotic_events events whose values all lie in
    [0, scale] (NaN does not) is large_moment_groups (one
    row of power sums), any other gets its distinct values and their counts
    in small_moment_values, joined from the fine cells to the small groups
    they belong to (corridor.window_segment_members) rather than rolled up
    to every group and thrown away for the large ones. Both empty without
    moment families. (Summing the power sums from the events and counting
    values only in the small groups' fine cells was slower at 10M events:
    most fine cells belong to a small hourly group.)
-#}
{% macro value_histogram_moment_ctes(cells, moment_scales, families) -%}
    {{ return(adapter.dispatch('value_histogram_moment_ctes', 'corridor')(cells, moment_scales, families)) }}
{%- endmacro %}

{% macro default__value_histogram_moment_ctes(cells, moment_scales, families) -%}
{%- set group_keys = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}
{%- set asymptotic = corridor.setting('corridor_bootstrap_asymptotic_events') -%}
{%- set cell_keys = corridor.fine_cell_keys(cells.segments, cells.finest) -%}
{%- set source = 'moment_fine_cells_with_windows' if families else 'fine_cells_with_windows' %}
{%- if families %}
moment_fine_cells as (

    select
        {{ cell_keys }},
        family,
        value,
        count(*) as n_events

    from (
        {{ corridor.value_histogram_event_values(families, cells.segments, cells.finest) }}
    ) as moment_event_values
    group by {{ cell_keys }}, family, value

),

moment_fine_cells_with_windows as (

    select *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }} from moment_fine_cells

),
{%- endif %}

moment_scales as (

    {{ corridor.value_histogram_moment_scales(moment_scales) }}

),

moment_cells as (

    select
        {{ source }}.*,
        moment_scales.scale

    from {{ source }}
    inner join moment_scales on {{ source }}.family = moment_scales.family
    where {{ source }}.value is not null

),

moment_fine_sums as (

    select
        {{ cell_keys }},
        family,
        max(scale) as scale,
        sum(n_events) as n_events,
        {%- for k in [1, 2, 3] %}
        sum({{ corridor.moment_power_term('(value / scale)', 'n_events', k) }}) as sum_{{ k }},
        {%- endfor %}
        min(case when value >= 0 and value <= scale then 1 else 0 end) as in_scale

    from moment_cells
    group by {{ cell_keys }}, family

),

moment_fine_sums_with_windows as (

    select *{{ corridor.coarser_window_starts(cells.grains, cells.finest) }} from moment_fine_sums

),

{{ corridor.window_segment_rollup_ctes(
    'moment_groups', 'moment_fine_sums_with_windows', cells, ['family'],
    [['scale', 'max'], ['n_events', 'sum'], ['sum_1', 'sum'], ['sum_2', 'sum'], ['sum_3', 'sum'], ['in_scale', 'min']]
) }},

small_moment_groups as (

    select * from moment_groups
    where not (n_events > {{ asymptotic }} and in_scale = 1)

),

small_moment_values as (

    select
        {{ group_keys | join(', ') }},
        family,
        value,
        sum(n_events) as n_events

    from ({{ corridor.window_segment_members(
        'moment_cells', 'small_moment_groups', cells.grains, cells.segments, ['family', 'value', 'n_events'],
        group_columns=group_keys, condition='moment_cells.family = small_moment_groups.family'
    ) }}) as members
    group by {{ group_keys | join(', ') }}, family, value

),

large_moment_groups as (

    select * from moment_groups
    where n_events > {{ asymptotic }} and in_scale = 1

)
{%- endmacro %}
