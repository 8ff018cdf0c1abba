{#-
    corridor.sql_bootstrap_small_group_ctes(events, fine_cells, group_stats, grains, segments, weighted_sums,
    n_resamples, seed, exact_events): the CTEs (small_groups .. small_replicates; no leading `with`, no
    trailing comma) of the SQL bootstrap's exact path, for groups with a metric whose denominator counts at
    most `exact_events` events. Only the events of the fine cells belonging to such groups are read; each is
    resampled once with corridor.poisson_bootstrap_weights (deterministic in event key, replicate and seed:
    identical on every engine); each fine cell's replicate sums (`weighted_sums`, from
    corridor.sql_bootstrap_statistics) are joined to the small groups it belongs to
    (corridor.window_segment_members: not rolled up to every window and segment, where the large groups'
    partial sums would be computed and thrown away) and summed per group and replicate; a small rolling
    window's replicate sums its days' replicates (the same Poisson weight per event and replicate, so
    exactly the event-level resample of the window). The caller selects from small_replicates: one row
    per small group and replicate with the weighted sums and the flags is_small_events, is_small_latency,
    is_small_evaluated (which of the group's denominators are small).
    `events`: event rows with the fine-cell keys (corridor.fine_cell_keys), event_key and the columns the
    weighted sums read; `fine_cells`: the fine cells with their coarser window starts; `group_stats`: one
    row per group (model_id, model_version, window_grain, window_start, segment_dimension, segment_value)
    with n_events, n_latency, n_evaluated, rolling windows included. Used by
    int_corridor__sql_bootstrap_intervals.
-#}
{% macro sql_bootstrap_small_group_ctes(events, fine_cells, group_stats, grains, segments, weighted_sums, n_resamples, seed,
        exact_events) %}
    {{ return(adapter.dispatch('sql_bootstrap_small_group_ctes', 'corridor')(
        events, fine_cells, group_stats, grains, segments, weighted_sums, n_resamples, seed, exact_events
    )) }}
{% endmacro %}

{% macro default__sql_bootstrap_small_group_ctes(events, fine_cells, group_stats, grains, segments, weighted_sums, n_resamples, seed,
        exact_events) -%}
{%- set finest = corridor.finest_grain(grains) -%}
{%- set cell_keys = corridor.fine_cell_keys(segments, finest) -%}
{%- set group_cols = ['model_id', 'model_version', 'window_grain', 'window_start', 'segment_dimension', 'segment_value'] -%}
{%- set rolling_keys = ['model_id', 'model_version', 'segment_dimension', 'segment_value'] -%}
{%- set sum_names = weighted_sums | map(attribute=0) | list -%}
small_groups as (

    select
        {{ group_cols | join(', ') }},
        n_events <= {{ exact_events }} as is_small_events,
        n_latency > 0 and n_latency <= {{ exact_events }} as is_small_latency,
        n_evaluated > 0 and n_evaluated <= {{ exact_events }} as is_small_evaluated
    from {{ group_stats }}
    where
        n_events <= {{ exact_events }}
        or (n_latency > 0 and n_latency <= {{ exact_events }})
        or (n_evaluated > 0 and n_evaluated <= {{ exact_events }})

),

small_fine_cells as (

    select distinct {{ cell_keys }}
    from ({{ corridor.window_segment_members(
        fine_cells, 'small_groups', grains, segments, cell_keys.split(',') | map('trim') | list
    ) }}) as members

),

small_events as (

    select {{ events }}.*
    from {{ events }}
    inner join small_fine_cells
        on {{ corridor.keys_equal(events, 'small_fine_cells', cell_keys.split(',') | map('trim') | list) }}

),

weighted as (

    {{ corridor.poisson_bootstrap_weights('small_events', 'event_key', n_resamples, seed) }}

),

small_fine_replicates as (

    select
        {{ cell_keys }},
        bootstrap_replicate,
        {%- for name, expr in weighted_sums %}
        {{ expr }} as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from weighted
    group by {{ cell_keys }}, bootstrap_replicate

),

small_fine_replicates_with_windows as (

    select *{{ corridor.coarser_window_starts(grains, finest) }} from small_fine_replicates

),

small_members as (

    {{ corridor.window_segment_members(
        'small_fine_replicates_with_windows', 'small_groups', grains, segments,
        ['bootstrap_replicate'] + sum_names, group_columns=group_cols
    ) }}

),

small_rollup as (

    select
        {{ group_cols | join(', ') }},
        bootstrap_replicate,
        {%- for name in sum_names %}
        sum({{ name }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}

    from small_members
    group by {{ group_cols | join(', ') }}, bootstrap_replicate

),

small_rollup_days as (

    {{ corridor.rolling_day_cells('small_rollup', rolling_keys + ['bootstrap_replicate'] + sum_names) }}

),

small_rollup_with_rolling as (

    select * from small_rollup
    union all
    select
        {{ group_cols | join(', ') }},
        bootstrap_replicate,
        {%- for name in sum_names %}
        sum({{ name }}) as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
    from small_rollup_days
    group by {{ group_cols | join(', ') }}, bootstrap_replicate

),

small_replicates as (

    select
        small_rollup.*,
        small_groups.is_small_events,
        small_groups.is_small_latency,
        small_groups.is_small_evaluated
    from small_rollup_with_rolling as small_rollup
    inner join small_groups
        on {{ corridor.keys_equal('small_rollup', 'small_groups', group_cols) }}
    {#- read once per metric (corridor.sql_bootstrap_replicate_statistics): computed once on Spark too #}
    {{ corridor.where_clause(corridor.computed_once_condition()) }}

)
{%- endmacro %}
