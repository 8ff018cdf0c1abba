{#-
    What arrived in each production window, before any row is rejected: one
    row per model id × window grain × window start (for every window that
    has at least one row with a usable event time and model id), counting
    every delivered row (duplicates and malformed rows included), null
    values of the required columns, rows loaded after the window closed plus
    var corridor_late_grace_hours, rows of model versions that are not known
    (var corridor_known_model_versions, else the versions that have an
    offline estimate), and the rows corridor_quarantine holds, by reason.
    A roll-up per grain of the hourly cells of
    int_corridor__event_window_cells, which an incremental run mostly keeps
    (docs/incremental.md).
-#}
{%- set grains = corridor.setting('corridor_window_grains') -%}
{%- set known = corridor.setting('corridor_known_model_versions') %}

with

event_cells as (

    select * from {{ ref('int_corridor__event_window_cells') }}

),

quarantine as (

    select * from {{ ref('corridor_quarantine') }}

),

estimates as (

    select * from {{ ref('stg_corridor__offline_estimates') }}

),

known_versions as (

    {{ corridor.known_version_rows(known, 'estimates') }}

),

{# a cell has a row per run that added to it, and per part: summed #}
cells as (

    select
        model_id,
        model_version,
        hour_start,
        {{ corridor.sum_columns(['n_rows', 'n_null_event_id', 'n_null_model_version', 'n_null_latency_ms', 'n_null_is_error']) }},
        {%- for grain in grains %}
        sum(n_late_{{ grain }}) as n_late_{{ grain }},
        {%- endfor %}
        max(last_loaded_at) as last_loaded_at

    from event_cells
    where cell_part <> 'build'
    group by 1, 2, 3

),

cells_known as (

    select
        cells.*,
        (
            known_versions.model_version is not null
            {%- if known is not none %}
            or exists (
                select 1 from known_versions as kv
                where kv.model_version = {{ dbt.concat(['cells.model_id', "':'", 'cells.model_version']) }}
            )
            {%- endif %}
        ) as is_known_version

    from cells
    left join known_versions
        on cells.model_version = known_versions.model_version

),

quarantine_cells as (

    select
        model_id,
        {{ corridor.window_start('hour', 'event_at') }} as hour_start,
        sum(case when reason_codes like '%duplicate_event_id%' then 1 else 0 end) as n_duplicate_copies,
        sum(case when reason_codes like '%non_finite%' or reason_codes like '%negative%' or reason_codes like '%out_of_range%'
                or reason_codes like '%unknown_predicted_class%'
                then 1
            else 0
        end) as n_out_of_range,
        sum(case when reason_codes like '%unparseable%' then 1 else 0 end) as n_unparseable,
        sum(case when reason_codes like '%future_event_at%' then 1 else 0 end) as n_future,
        count(*) as n_quarantined

    from quarantine
    where input_name = 'production_events'
        and event_at is not null
        and model_id is not null
    group by 1, 2

),

{%- for grain in grains %}

by_{{ grain }} as (

    select
        cells_known.model_id,
        '{{ grain }}' as window_grain,
        {{ corridor.window_start(grain, 'cells_known.hour_start') }} as window_start,
        {{ corridor.sum_columns(
            ['n_rows', 'n_null_event_id', 'n_null_model_version', 'n_null_latency_ms', 'n_null_is_error'], 'cells_known'
        ) }},
        sum(cells_known.n_late_{{ grain }}) as n_late,
        sum(case when cells_known.is_known_version then 0 else cells_known.n_rows end) as n_unknown_version,
        max(case when cells_known.is_known_version then null else cells_known.model_version end) as example_unknown_version,
        max(cells_known.last_loaded_at) as last_loaded_at

    from cells_known
    group by 1, 2, 3

),

quarantine_by_{{ grain }} as (

    select
        model_id,
        '{{ grain }}' as window_grain,
        {{ corridor.window_start(grain, 'hour_start') }} as window_start,
        sum(n_duplicate_copies) as n_duplicate_copies,
        sum(n_out_of_range) as n_out_of_range,
        sum(n_unparseable) as n_unparseable,
        sum(n_future) as n_future,
        sum(n_quarantined) as n_quarantined

    from quarantine_cells
    group by 1, 2, 3

),
{%- endfor %}

unioned as (

    {%- for grain in grains %}
    select
        by_{{ grain }}.*,
        coalesce(quarantine_by_{{ grain }}.n_duplicate_copies, 0) as n_duplicate_copies,
        coalesce(quarantine_by_{{ grain }}.n_out_of_range, 0) as n_out_of_range,
        coalesce(quarantine_by_{{ grain }}.n_unparseable, 0) as n_unparseable,
        coalesce(quarantine_by_{{ grain }}.n_future, 0) as n_future,
        coalesce(quarantine_by_{{ grain }}.n_quarantined, 0) as n_quarantined

    from by_{{ grain }}
    left join quarantine_by_{{ grain }}
        on by_{{ grain }}.model_id = quarantine_by_{{ grain }}.model_id
        and by_{{ grain }}.window_start = quarantine_by_{{ grain }}.window_start
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

final as (

    select
        model_id,
        window_grain,
        window_start,
        cast(n_rows as {{ dbt.type_bigint() }}) as n_rows,
        cast(n_null_event_id as {{ dbt.type_bigint() }}) as n_null_event_id,
        cast(n_null_model_version as {{ dbt.type_bigint() }}) as n_null_model_version,
        cast(n_null_latency_ms as {{ dbt.type_bigint() }}) as n_null_latency_ms,
        cast(n_null_is_error as {{ dbt.type_bigint() }}) as n_null_is_error,
        cast(n_late as {{ dbt.type_bigint() }}) as n_late,
        cast(n_unknown_version as {{ dbt.type_bigint() }}) as n_unknown_version,
        cast(n_duplicate_copies as {{ dbt.type_bigint() }}) as n_duplicate_copies,
        cast(n_out_of_range as {{ dbt.type_bigint() }}) as n_out_of_range,
        cast(n_unparseable as {{ dbt.type_bigint() }}) as n_unparseable,
        cast(n_future as {{ dbt.type_bigint() }}) as n_future,
        cast(n_quarantined as {{ dbt.type_bigint() }}) as n_quarantined,
        example_unknown_version,
        last_loaded_at

    from unioned

)

select * from final
