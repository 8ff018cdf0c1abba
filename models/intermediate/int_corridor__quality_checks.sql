{#-
    Every quality gate check of this build, one row per input × window ×
    check (see corridor_quality_gates for the public table and the meaning
    of each check). Window-level checks cover every production window of
    every model id and grain (window_grain hour/day/week); input-level
    checks (freshness, schema, rows without a usable time, outcomes for
    unknown events, invalid labels or estimates, an empty input) have
    window_grain 'input' and no window. Thresholds: corridor.gate_config.
-#}
{%- set grains = corridor.setting('corridor_window_grains') -%}
{%- set finest = 'hour' if 'hour' in grains else ('day' if 'day' in grains else 'week') -%}
{%- set grace = corridor.setting('corridor_late_grace_hours') -%}
{%- set horizon = corridor.setting('corridor_label_maturity_horizon_hours') -%}
{%- set warmup = corridor.setting('corridor_new_segment_warmup_hours') -%}
{%- set as_of = corridor.setting('corridor_as_of') -%}
{%- set model_type = corridor.setting('corridor_model_type') -%}
{%- set demo = corridor.demo_mode() -%}
{%- set double = corridor.type_double() -%}
{%- set string = dbt.type_string() -%}
{%- set bigint = dbt.type_bigint() -%}
{%- set ts = dbt.type_timestamp() -%}
{%- set events_cfg = corridor.input_config('production_events') -%}
{%- set fmt = corridor.format_decimal -%}

{%- set window_checks = [
    {
        'name': 'row_volume', 'config': 'row_volume', 'input': 'production_events',
        'measured': 'cast(n_events as ' ~ double ~ ') / nullif(expected_events, 0)',
        'checked': 'n_events', 'affected': 'cast(null as ' ~ bigint ~ ')',
        'judged': 'n_peers >= 2 and expected_events >= ' ~ corridor.gate_config('row_volume')['min_rows'] ~ ' and abs(n_events - expected_events) > 3 * sqrt(expected_events)',
        'bad': "cast(n_events as " ~ string ~ ") || ' events where about ' || " ~ fmt('expected_events', 0) ~ " || ' were expected (' || " ~ fmt('cast(n_events as ' ~ double ~ ') / nullif(expected_events, 0)', 2) ~ " || 'x the median of comparable windows): probable cause: ' || case when n_events = 0 then 'no data delivered (upstream outage or ingestion gap)' when n_events < expected_events then 'missing or partially loaded data' else 'replayed, double-loaded or synthetic traffic' end",
        'ok': "case when n_peers < 2 then 'not judged: fewer than 2 comparable windows' when expected_events < " ~ corridor.gate_config('row_volume')['min_rows'] ~ " then 'not judged: about ' || " ~ fmt('expected_events', 0) ~ " || ' events expected, too few to judge' else cast(n_events as " ~ string ~ ") || ' events, about ' || " ~ fmt('expected_events', 0) ~ " || ' expected' end",
    },
] -%}
{%- for column in ['event_id', 'model_version', 'latency_ms', 'is_error'] if events_cfg['columns'][column] is not none -%}
    {%- do window_checks.append({
        'name': 'null_rate_' ~ column, 'config': 'null_rate', 'input': 'production_events',
        'measured': 'cast(n_null_' ~ column ~ ' as ' ~ double ~ ') / nullif(n_rows, 0)',
        'checked': 'n_rows', 'affected': 'n_null_' ~ column,
        'judged': 'true',
        'bad': fmt('100.0 * n_null_' ~ column ~ ' / nullif(n_rows, 0)', 1) ~ " || '% of ' || cast(n_rows as " ~ string ~ ") || ' rows have no " ~ column ~ " (input column ' || " ~ corridor.sql_string(events_cfg['columns'][column]) ~ " || '): probable cause: an upstream schema or mapping change'",
        'ok': "cast(n_null_" ~ column ~ " as " ~ string ~ ") || ' of ' || cast(n_rows as " ~ string ~ ") || ' rows without " ~ column ~ "'",
    }) -%}
{%- endfor -%}
{%- do window_checks.extend([
    {
        'name': 'label_maturity', 'config': 'label_maturity', 'input': 'outcomes',
        'measured': 'cast(n_labeled as ' ~ double ~ ') / nullif(n_events, 0)',
        'checked': 'n_events', 'affected': 'n_events - n_labeled',
        'judged': 'age_hours >= ' ~ horizon ~ ' and n_events > 0 and n_events >= ' ~ corridor.gate_config('label_maturity')['min_rows'],
        'bad': "'only ' || " ~ fmt('100.0 * n_labeled / nullif(n_events, 0)', 1) ~ " || '% of ' || cast(n_events as " ~ string ~ ") || ' events have an outcome ' || " ~ fmt('age_hours / 24.0', 1) ~ " || ' days after the window closed: probable cause: outcomes not delivered (label pipeline stalled, or the join key changed)'",
        'ok': "case when age_hours < " ~ horizon ~ " then 'not judged: labels still arriving (' || " ~ fmt('age_hours', 0) ~ " || ' h old, horizon " ~ horizon ~ " h); ' when n_events < " ~ corridor.gate_config('label_maturity')['min_rows'] ~ " then 'not judged: too few events; ' else '' end || " ~ fmt('100.0 * n_labeled / nullif(n_events, 0)', 1) ~ " || '% of events labeled'",
    },
    {
        'name': 'duplicate_event_ids', 'config': 'duplicate_event_ids', 'input': 'production_events',
        'measured': 'cast(n_duplicate_copies as ' ~ double ~ ') / nullif(n_rows, 0)',
        'checked': 'n_rows', 'affected': 'n_duplicate_copies',
        'judged': 'true',
        'bad': fmt('100.0 * n_duplicate_copies / nullif(n_rows, 0)', 1) ~ " || '% of ' || cast(n_rows as " ~ string ~ ") || ' rows are extra copies of an event id already delivered (quarantined): probable cause: a replayed or double-loaded batch'",
        'ok': "cast(n_duplicate_copies as " ~ string ~ ") || ' duplicate copies'",
    },
    {
        'name': 'out_of_range_values', 'config': 'out_of_range_values', 'input': 'production_events',
        'measured': 'cast(n_out_of_range as ' ~ double ~ ') / nullif(n_rows, 0)',
        'checked': 'n_rows', 'affected': 'n_out_of_range',
        'judged': 'true',
        'bad': "cast(n_out_of_range as " ~ string ~ ") || ' of ' || cast(n_rows as " ~ string ~ ") || ' rows have impossible values (negative latency, score outside [0, 1], NaN or infinity, unknown class) and were quarantined: probable cause: a producer bug or a unit change'",
        'ok': "'no impossible values'",
    },
    {
        'name': 'unparseable_values', 'config': 'unparseable_values', 'input': 'production_events',
        'measured': 'cast(n_unparseable as ' ~ double ~ ') / nullif(n_rows, 0)',
        'checked': 'n_rows', 'affected': 'n_unparseable',
        'judged': 'true',
        'bad': "cast(n_unparseable as " ~ string ~ ") || ' of ' || cast(n_rows as " ~ string ~ ") || ' rows have values that do not parse (text in a numeric, boolean or time column) and were quarantined: probable cause: an upstream type or format change'",
        'ok': "'every value parses'",
    },
    {
        'name': 'unknown_model_versions', 'config': 'unknown_model_versions', 'input': 'production_events',
        'measured': 'cast(n_unknown_version as ' ~ double ~ ') / nullif(n_rows, 0)',
        'checked': 'n_rows', 'affected': 'n_unknown_version',
        'judged': 'true',
        'bad': "cast(n_unknown_version as " ~ string ~ ") || ' of ' || cast(n_rows as " ~ string ~ ") || ' rows come from model version ' || coalesce(example_unknown_version, '?') || ', which has no offline estimate (and is not in corridor_known_model_versions): probable cause: an unannounced deployment or a missing offline estimate'",
        'ok': "'every model version is known'",
    },
    {
        'name': 'new_segment_values', 'config': 'new_segment_values', 'input': 'production_events',
        'measured': 'cast(n_new_segment_values as ' ~ double ~ ')',
        'checked': 'n_events', 'affected': 'n_new_segment_values',
        'judged': 'true',
        'bad': "cast(n_new_segment_values as " ~ string ~ ") || ' segment value(s) never seen before appear in this window (e.g. ' || coalesce(example_new_segment_value, '?') || '): probable cause: a new market or client, or an upstream mapping change'",
        'ok': "'no new segment values'",
    },
    {
        'name': 'future_timestamps', 'config': 'future_timestamps', 'input': 'production_events',
        'measured': 'cast(n_future as ' ~ double ~ ') / nullif(n_rows, 0)',
        'checked': 'n_rows', 'affected': 'n_future',
        'judged': 'true',
        'bad': "cast(n_future as " ~ string ~ ") || ' of ' || cast(n_rows as " ~ string ~ ") || ' rows have an event time after they were loaded or after now (quarantined): probable cause: a producer clock in the wrong time zone or skewed'",
        'ok': "'no timestamps in the future'",
    },
    {
        'name': 'late_events', 'config': 'late_events', 'input': 'production_events',
        'measured': 'cast(n_late as ' ~ double ~ ') / nullif(n_rows, 0)',
        'checked': 'n_rows', 'affected': 'n_late',
        'judged': 'true',
        'bad': fmt('100.0 * n_late / nullif(n_rows, 0)', 1) ~ " || '% of ' || cast(n_rows as " ~ string ~ ") || ' rows were loaded more than " ~ grace ~ " h after the window closed: probable cause: a delayed pipeline, a replay or a backfill'",
        'ok': fmt('100.0 * n_late / nullif(n_rows, 0)', 1) ~ " || '% of rows loaded late'",
    },
]) -%}

with

window_stats as (

    select * from {{ ref('int_corridor__production_window_stats') }}

),

production_windows as (

    select * from {{ ref('int_corridor__production_windows') }}

),

profile as (

    select * from {{ ref('int_corridor__event_window_profile') }}

),

quarantine as (

    select * from {{ ref('corridor_quarantine') }}

),

accounting as (

    select * from {{ ref('int_corridor__input_accounting') }}

),

input_columns as (

    select * from {{ ref('stg_corridor__input_columns') }}

),

schema_history as (

    select * from {{ ref('corridor_input_schema_history') }}

),

outcomes as (

    select * from {{ ref('stg_corridor__outcomes') }}

),

estimates as (

    select * from {{ ref('stg_corridor__offline_estimates') }}

),

events as (

    select * from {{ ref('stg_corridor__production_events') }}

),

grid as (

    select
        model_id,
        window_grain,
        window_start,
        max(window_end) as window_end

    from production_windows
    where segment_dimension = 'all'
    group by 1, 2, 3

),

accepted as (

    select
        model_id,
        window_grain,
        window_start,
        sum(n_events) as n_events,
        sum(n_labeled) as n_labeled,
        sum(n_evaluated) as n_evaluated,
        sum(n_positive) as n_positive

    from window_stats
    where segment_dimension = 'all'
    group by 1, 2, 3

),

spans as (

    select
        model_id,
        {{ corridor.window_start('hour', 'min(first_event_at)') }} as span_start,
        {{ dbt.dateadd('hour', 1, corridor.window_start('hour', 'max(last_event_at)')) }} as span_end

    from window_stats
    where segment_dimension = 'all'
    group by 1

),

data_reference as (

    select
        {%- if as_of is not none %}
        min(cast({{ corridor.sql_string(as_of) }} as {{ ts }})) as reference_at
        {%- else %}
        max(last_event_at) as reference_at
        {%- endif %}

    from window_stats

),

segment_first_seen as (

    select
        model_id,
        segment_dimension,
        segment_value,
        min(window_start) as first_seen_at

    from window_stats
    where segment_dimension <> 'all'
        and window_grain = '{{ finest }}'
    group by 1, 2, 3

),

new_segment_values as (

    select
        grid.model_id,
        grid.window_grain,
        grid.window_start,
        count(*) as n_new_segment_values,
        min({{ dbt.concat(['segment_first_seen.segment_dimension', "'='", 'segment_first_seen.segment_value']) }}) as example_new_segment_value

    from grid
    inner join segment_first_seen
        on grid.model_id = segment_first_seen.model_id
        and segment_first_seen.first_seen_at >= grid.window_start
        and segment_first_seen.first_seen_at < grid.window_end
    inner join spans
        on grid.model_id = spans.model_id
    where segment_first_seen.first_seen_at >= {{ dbt.dateadd('hour', warmup | int, 'spans.span_start') }}
    group by 1, 2, 3

),

base as (

    select
        grid.model_id,
        grid.window_grain,
        grid.window_start,
        grid.window_end,
        case when grid.window_grain = 'hour' then cast(extract(hour from grid.window_start) as {{ dbt.type_int() }}) else 0 end as seasonal_slot,
        greatest(
            {{ dbt.datediff(dbt.cast('greatest(grid.window_start, spans.span_start)', ts), dbt.cast('least(grid.window_end, spans.span_end)', ts), 'hour') }},
            0
        ) as coverage_hours,
        {{ dbt.datediff('grid.window_end', 'data_reference.reference_at', 'hour') }} as age_hours,
        coalesce(accepted.n_events, 0) as n_events,
        coalesce(accepted.n_labeled, 0) as n_labeled,
        {%- for name in ['n_rows', 'n_null_event_id', 'n_null_model_version', 'n_null_latency_ms', 'n_null_is_error', 'n_late', 'n_unknown_version', 'n_duplicate_copies', 'n_out_of_range', 'n_unparseable', 'n_future'] %}
        coalesce(profile.{{ name }}, 0) as {{ name }},
        {%- endfor %}
        profile.example_unknown_version,
        coalesce(new_segment_values.n_new_segment_values, 0) as n_new_segment_values,
        new_segment_values.example_new_segment_value

    from grid
    inner join spans
        on grid.model_id = spans.model_id
    cross join data_reference
    left join accepted
        on grid.model_id = accepted.model_id
        and grid.window_grain = accepted.window_grain
        and grid.window_start = accepted.window_start
    left join profile
        on grid.model_id = profile.model_id
        and grid.window_grain = profile.window_grain
        and grid.window_start = profile.window_start
    left join new_segment_values
        on grid.model_id = new_segment_values.model_id
        and grid.window_grain = new_segment_values.window_grain
        and grid.window_start = new_segment_values.window_start

),

volume_rates as (

    select
        model_id,
        window_grain,
        window_start,
        seasonal_slot,
        cast(n_events as {{ double }}) / coverage_hours as events_per_hour

    from base
    where coverage_hours > 0

),

volume_expected as (

    select
        base.model_id,
        base.window_grain,
        base.window_start,
        count(peers.window_start) as n_peers,
        {{ corridor.array_element(corridor.percentiles('peers.events_per_hour', [0.5]), 1) }} * max(base.coverage_hours) as expected_events

    from base
    left join volume_rates as peers
        on base.model_id = peers.model_id
        and base.window_grain = peers.window_grain
        and base.seasonal_slot = peers.seasonal_slot
        and base.window_start <> peers.window_start
    group by 1, 2, 3

),

windows as (

    select
        base.*,
        volume_expected.n_peers,
        volume_expected.expected_events

    from base
    inner join volume_expected
        on base.model_id = volume_expected.model_id
        and base.window_grain = volume_expected.window_grain
        and base.window_start = volume_expected.window_start

),

window_checks as (

    {%- set ns = namespace(first=true) %}
    {%- for check in window_checks if corridor.gate_config(check['config'])['enabled'] %}
    {{ '' if ns.first else 'union all' }}
    {%- set ns.first = false %}
    select
        '{{ check["input"] }}' as input_name,
        model_id,
        window_grain,
        window_start,
        window_end,
        '{{ corridor.gate_config(check["config"])["category"] }}' as check_category,
        '{{ check["name"] }}' as check_name,
        '{{ check["config"] }}' as threshold_key,
        {{ corridor.gate_status(check['config'], check['measured'], check['judged']) }} as gate_status,
        cast({{ check['measured'] }} as {{ double }}) as measured_value,
        cast({{ check['checked'] }} as {{ bigint }}) as rows_checked,
        cast({{ check['affected'] }} as {{ bigint }}) as rows_affected,
        {{ check['bad'] }} as bad_diagnostic,
        {{ check['ok'] }} as ok_diagnostic

    from windows
    {%- endfor %}

),

{#- ---------------- input-level checks ---------------- #}

quarantine_counts as (

    select
        input_name,
        sum(case when input_name = 'production_events' and (event_at is null or model_id is null or reason_codes like '%event_at_before_earliest%') then 1 else 0 end) as n_unwindowable,
        sum(case when reason_codes like '%unknown_event%' then 1 else 0 end) as n_unknown_event,
        sum(case when reason_codes like '%label%' then 1 else 0 end) as n_invalid_label,
        count(*) as n_quarantined,
        min(case when input_name = 'production_events' and (event_at is null or model_id is null or reason_codes like '%event_at_before_earliest%') then reason_codes end) as example_unwindowable_reason

    from quarantine
    group by 1

),

inputs as (

    select
        accounting.input_name,
        accounting.input_relation,
        accounting.rows_read,
        coalesce(quarantine_counts.n_unwindowable, 0) as n_unwindowable,
        coalesce(quarantine_counts.n_unknown_event, 0) as n_unknown_event,
        coalesce(quarantine_counts.n_invalid_label, 0) as n_invalid_label,
        coalesce(quarantine_counts.n_quarantined, 0) as n_quarantined,
        quarantine_counts.example_unwindowable_reason

    from accounting
    left join quarantine_counts
        on accounting.input_name = quarantine_counts.input_name

),

{#- valid outcomes that arrived before their (valid) event happened, beyond the clock tolerance -#}
early_labels as (

    select
        count(*) as n_early,
        (select count(*) from outcomes) as n_outcomes,
        min(outcomes.event_id) as example_event_id

    from outcomes
    where not {{ corridor.any_reason(corridor.outcome_rejection_reasons()) }}
        and exists (
            select 1 from events
            where events.event_id = outcomes.event_id
                and not {{ corridor.any_reason(corridor.event_rejection_reasons()) }}
                and outcomes.label_arrived_at < {{ dbt.dateadd('minute', -1 * (corridor.setting('corridor_future_tolerance_minutes') | int), 'events.event_at') }}
        )

),

{#- usable offline estimates for a model that has no accepted production event -#}
orphan_estimates as (

    select
        count(*) as n_orphan,
        (select count(*) from estimates) as n_estimates,
        {{ dbt.listagg('distinct model_id', "', '", 'order by model_id') }} as orphan_models

    from estimates
    where not {{ corridor.any_reason(corridor.estimate_rejection_reasons()) }}
        and not exists (
            select 1 from window_stats
            where window_stats.model_id = estimates.model_id
        )

),

freshness as (

    select
        'production_events' as input_name,
        max(coalesce(profile.last_loaded_at, spans_max.last_event_at)) as last_arrival_at,
        max(spans_max.last_event_at) is not null as has_rows

    from (select max(last_event_at) as last_event_at from window_stats) as spans_max
    left join profile
        on 1 = 1

    union all

    select
        'outcomes' as input_name,
        max(label_arrived_at) as last_arrival_at,
        count(*) > 0 as has_rows

    from outcomes

),

freshness_measured as (

    select
        freshness.input_name,
        freshness.last_arrival_at,
        freshness.has_rows,
        {%- if demo and as_of is none %}
        {#- the demo data is static: freshness is measured against its own end #}
        {{ dbt.datediff('freshness.last_arrival_at', '(select max(last_arrival_at) from freshness)', 'minute') }} / 60.0 as age_hours
        {%- else %}
        {{ dbt.datediff('freshness.last_arrival_at', corridor.reference_time(), 'minute') }} / 60.0 as age_hours
        {%- endif %}

    from freshness

),

labels_by_model as (

    select
        model_id,
        sum(n_evaluated) as n_evaluated,
        sum(n_positive) as n_positive

    from accepted
    where window_grain = '{{ finest }}'
    group by 1

),

schema_previous as (

    select schema_history.*
    from schema_history
    inner join (
        select
            input_name,
            max(recorded_at) as recorded_at

        from schema_history
        group by 1
    ) as latest
        on schema_history.input_name = latest.input_name
        and schema_history.recorded_at = latest.recorded_at

),

schema_diff as (

    select
        coalesce(input_columns.input_name, schema_previous.input_name) as input_name,
        coalesce(input_columns.column_name, schema_previous.column_name) as column_name,
        case
            when schema_previous.column_name is null then 'added'
            when input_columns.column_name is null then 'missing'
            when input_columns.data_type <> schema_previous.data_type then 'type_changed'
        end as change_kind,
        schema_previous.data_type as previous_type,
        input_columns.data_type as current_type

    from input_columns
    full outer join schema_previous
        on input_columns.input_name = schema_previous.input_name
        and input_columns.column_name = schema_previous.column_name

),

schema_inputs as (

    select distinct input_name from input_columns

),

schema_checks_base as (

    {%- for kind in ['added', 'missing', 'type_changed'] %}
    select
        schema_inputs.input_name,
        '{{ kind }}' as change_kind,
        (select count(*) from schema_previous where schema_previous.input_name = schema_inputs.input_name) as n_previous,
        (select count(*) from schema_diff where schema_diff.input_name = schema_inputs.input_name and schema_diff.change_kind = '{{ kind }}') as n_changed,
        (
            select {{ dbt.listagg(dbt.concat(['schema_diff.column_name', "' ('", "coalesce(schema_diff.previous_type, '-')", "' -> '", "coalesce(schema_diff.current_type, '-')", "')'"]), "', '", 'order by schema_diff.column_name') }}
            from schema_diff
            where schema_diff.input_name = schema_inputs.input_name and schema_diff.change_kind = '{{ kind }}'
        ) as changed_columns

    from schema_inputs
    {{ 'union all' if not loop.last }}
    {%- endfor %}

),

input_checks as (

    {%- set input_checks = [] %}
    {%- if corridor.gate_config('empty_input')['enabled'] %}
    {%- do input_checks.append("
    select
        input_name,
        'all' as model_id,
        'empty_input' as check_name,
        'empty_input' as threshold_key,
        " ~ corridor.gate_status('empty_input', 'cast(rows_read as ' ~ double ~ ')') ~ " as gate_status,
        cast(rows_read as " ~ double ~ ") as measured_value,
        rows_read as rows_checked,
        cast(null as " ~ bigint ~ ") as rows_affected,
        'the ' || input_name || ' input ' || input_relation || ' has no rows: probable cause: the upstream load did not run, or the var points at the wrong relation' as bad_diagnostic,
        cast(rows_read as " ~ string ~ ") || ' rows read' as ok_diagnostic
    from inputs
    where input_name in ('production_events', 'outcomes', 'offline_estimates')") %}
    {%- endif %}
    {%- if corridor.gate_config('unwindowable_rows')['enabled'] %}
    {%- do input_checks.append("
    select
        input_name,
        'all' as model_id,
        'unwindowable_rows' as check_name,
        'unwindowable_rows' as threshold_key,
        " ~ corridor.gate_status('unwindowable_rows', 'cast(n_unwindowable as ' ~ double ~ ') / nullif(rows_read, 0)') ~ " as gate_status,
        cast(n_unwindowable as " ~ double ~ ") / nullif(rows_read, 0) as measured_value,
        rows_read as rows_checked,
        n_unwindowable as rows_affected,
        cast(n_unwindowable as " ~ string ~ ") || ' of ' || cast(rows_read as " ~ string ~ ") || ' rows have no usable event time or model id (e.g. ' || coalesce(example_unwindowable_reason, '?') || ') and were quarantined: they belong to no window. Probable cause: a null, unparseable or mis-formatted timestamp upstream' as bad_diagnostic,
        'every row has a usable event time and model id' as ok_diagnostic
    from inputs
    where input_name = 'production_events'") %}
    {%- endif %}
    {%- if corridor.gate_config('outcomes_for_unknown_events')['enabled'] %}
    {%- do input_checks.append("
    select
        input_name,
        'all' as model_id,
        'outcomes_for_unknown_events' as check_name,
        'outcomes_for_unknown_events' as threshold_key,
        " ~ corridor.gate_status('outcomes_for_unknown_events', 'cast(n_unknown_event as ' ~ double ~ ') / nullif(rows_read, 0)') ~ " as gate_status,
        cast(n_unknown_event as " ~ double ~ ") / nullif(rows_read, 0) as measured_value,
        rows_read as rows_checked,
        n_unknown_event as rows_affected,
        cast(n_unknown_event as " ~ string ~ ") || ' of ' || cast(rows_read as " ~ string ~ ") || ' outcomes name an event id no production event has (quarantined): probable cause: events not loaded yet, or the event id format differs between the two inputs' as bad_diagnostic,
        'every outcome matches a production event' as ok_diagnostic
    from inputs
    where input_name = 'outcomes'") %}
    {%- endif %}
    {%- if corridor.gate_config('invalid_labels')['enabled'] %}
    {%- do input_checks.append("
    select
        input_name,
        'all' as model_id,
        'invalid_labels' as check_name,
        'invalid_labels' as threshold_key,
        " ~ corridor.gate_status('invalid_labels', 'cast(n_invalid_label as ' ~ double ~ ') / nullif(rows_read, 0)') ~ " as gate_status,
        cast(n_invalid_label as " ~ double ~ ") / nullif(rows_read, 0) as measured_value,
        rows_read as rows_checked,
        n_invalid_label as rows_affected,
        cast(n_invalid_label as " ~ string ~ ") || ' of ' || cast(rows_read as " ~ string ~ ") || ' outcomes have a missing, unparseable or impossible label (quarantined): probable cause: a label encoding change upstream' as bad_diagnostic,
        'every label is valid' as ok_diagnostic
    from inputs
    where input_name = 'outcomes'") %}
    {%- endif %}
    {%- if corridor.gate_config('invalid_offline_estimates')['enabled'] %}
    {%- do input_checks.append("
    select
        input_name,
        'all' as model_id,
        'invalid_offline_estimates' as check_name,
        'invalid_offline_estimates' as threshold_key,
        " ~ corridor.gate_status('invalid_offline_estimates', 'cast(n_quarantined as ' ~ double ~ ') / nullif(rows_read, 0)') ~ " as gate_status,
        cast(n_quarantined as " ~ double ~ ") / nullif(rows_read, 0) as measured_value,
        rows_read as rows_checked,
        n_quarantined as rows_affected,
        cast(n_quarantined as " ~ string ~ ") || ' of ' || cast(rows_read as " ~ string ~ ") || ' offline estimates are unusable (e.g. interval lower above upper, missing value; see corridor_quarantine) and are not compared: probable cause: an error in the offline estimate export' as bad_diagnostic,
        'every offline estimate is usable' as ok_diagnostic
    from inputs
    where input_name = 'offline_estimates'") %}
    {%- endif %}
    {%- if corridor.gate_config('labels_before_events')['enabled'] %}
    {%- do input_checks.append("
    select
        'outcomes' as input_name,
        'all' as model_id,
        'labels_before_events' as check_name,
        'labels_before_events' as threshold_key,
        " ~ corridor.gate_status('labels_before_events', 'cast(n_early as ' ~ double ~ ') / nullif(n_outcomes, 0)') ~ " as gate_status,
        cast(n_early as " ~ double ~ ") / nullif(n_outcomes, 0) as measured_value,
        n_outcomes as rows_checked,
        n_early as rows_affected,
        cast(n_early as " ~ string ~ ") || ' of ' || cast(n_outcomes as " ~ string ~ ") || ' outcomes arrived before their event happened (e.g. event ' || example_event_id || '): a label cannot precede its prediction. Probable cause: a clock or time zone error in label_arrived_at or event_at, or outcomes joined to the wrong events' as bad_diagnostic,
        'no outcome arrived before its event' as ok_diagnostic
    from early_labels") %}
    {%- endif %}
    {%- if corridor.gate_config('offline_estimates_without_production')['enabled'] %}
    {%- do input_checks.append("
    select
        'offline_estimates' as input_name,
        'all' as model_id,
        'offline_estimates_without_production' as check_name,
        'offline_estimates_without_production' as threshold_key,
        " ~ corridor.gate_status('offline_estimates_without_production', 'cast(n_orphan as ' ~ double ~ ')') ~ " as gate_status,
        cast(n_orphan as " ~ double ~ ") as measured_value,
        n_estimates as rows_checked,
        n_orphan as rows_affected,
        cast(n_orphan as " ~ string ~ ") || ' offline estimates are for models with no accepted production event (' || orphan_models || '): they are never compared. Probable cause: a misspelled model id, or a model not deployed yet' as bad_diagnostic,
        'every usable offline estimate is for a model with production data' as ok_diagnostic
    from orphan_estimates") %}
    {%- endif %}
    {%- if corridor.gate_config('freshness_hours')['enabled'] %}
    {%- do input_checks.append("
    select
        freshness_measured.input_name,
        'all' as model_id,
        'freshness_hours' as check_name,
        'freshness_hours' as threshold_key,
        case
            when freshness_measured.last_arrival_at is null and not freshness_measured.has_rows then '" ~ ('fail' if corridor.gate_config('freshness_hours')['fail'] is not none else 'warn') ~ "'
            else " ~ corridor.gate_status('freshness_hours', 'freshness_measured.age_hours') ~ "
        end as gate_status,
        cast(freshness_measured.age_hours as " ~ double ~ ") as measured_value,
        cast(null as " ~ bigint ~ ") as rows_checked,
        cast(null as " ~ bigint ~ ") as rows_affected,
        case
            when freshness_measured.last_arrival_at is null and not freshness_measured.has_rows then 'no row of ' || freshness_measured.input_name || ' has ever arrived: probable cause: the upstream load has not run, or the var points at the wrong relation'
            else 'the newest row of ' || freshness_measured.input_name || ' arrived ' || " ~ fmt('freshness_measured.age_hours', 1) ~ " || ' h ago (' || coalesce(cast(freshness_measured.last_arrival_at as " ~ string ~ "), 'never') || '): probable cause: the upstream load has stopped'
        end as bad_diagnostic,
        'newest row ' || " ~ fmt('freshness_measured.age_hours', 1) ~ " || ' h old' as ok_diagnostic
    from freshness_measured") %}
    {%- endif %}
    {%- if model_type == 'binary_classifier' and corridor.gate_config('label_single_class')['enabled'] %}
    {%- do input_checks.append("
    select
        'outcomes' as input_name,
        model_id,
        'label_single_class' as check_name,
        'label_single_class' as threshold_key,
        " ~ corridor.gate_status('label_single_class', 'case when n_evaluated = 0 or n_positive = 0 or n_positive = n_evaluated then 1.0 else 0.0 end') ~ " as gate_status,
        case when n_evaluated = 0 or n_positive = 0 or n_positive = n_evaluated then 1.0 else 0.0 end as measured_value,
        cast(n_evaluated as " ~ bigint ~ ") as rows_checked,
        cast(null as " ~ bigint ~ ") as rows_affected,
        case
            when n_evaluated = 0 then 'no accepted event of this model has a label, so neither class is present: accuracy, recall, precision and AUC cannot be estimated. Probable cause: outcomes not loaded yet, an empty outcomes input, or event ids that do not match'
            else 'all ' || cast(n_evaluated as " ~ string ~ ") || ' labeled events carry the same class (' || case when n_positive = 0 then '0' else '1' end || '): recall, precision or AUC cannot be estimated. Probable cause: a constant or mis-mapped label column'
        end as bad_diagnostic,
        'both classes present' as ok_diagnostic
    from labels_by_model") %}
    {%- endif %}
    {%- for kind in ['added', 'missing', 'type_changed'] %}
    {%- set key = 'schema_columns_' ~ kind if kind != 'type_changed' else 'schema_type_changed' %}
    {%- if corridor.gate_config(key)['enabled'] %}
    {%- do input_checks.append("
    select
        input_name,
        'all' as model_id,
        '" ~ key ~ "' as check_name,
        '" ~ key ~ "' as threshold_key,
        " ~ corridor.gate_status(key, 'cast(n_changed as ' ~ double ~ ')', 'n_previous > 0') ~ " as gate_status,
        cast(n_changed as " ~ double ~ ") as measured_value,
        cast(null as " ~ bigint ~ ") as rows_checked,
        cast(null as " ~ bigint ~ ") as rows_affected,
        cast(n_changed as " ~ string ~ ") || ' column(s) " ~ kind.replace('_', ' ') ~ " since the last run: ' || coalesce(changed_columns, '') || '. Probable cause: an upstream schema change' as bad_diagnostic,
        case when n_previous = 0 then 'first run: schema recorded as the baseline' else 'no column " ~ kind.replace('_', ' ') ~ " since the last run' end as ok_diagnostic
    from schema_checks_base
    where change_kind = '" ~ kind ~ "'") %}
    {%- endif %}
    {%- endfor %}
    {{ input_checks | join('\n    union all\n') }}

),

input_checks_shaped as (

    select
        input_name,
        model_id,
        'input' as window_grain,
        cast(null as {{ ts }}) as window_start,
        cast(null as {{ ts }}) as window_end,
        case
            {%- for key, cfg in corridor._corridor_gate_defaults().items() %}
            when threshold_key = '{{ key }}' then '{{ cfg["category"] }}'
            {%- endfor %}
        end as check_category,
        check_name,
        threshold_key,
        gate_status,
        measured_value,
        rows_checked,
        rows_affected,
        bad_diagnostic,
        ok_diagnostic

    from input_checks

),

all_checks as (

    select * from window_checks
    union all
    select * from input_checks_shaped

),

final as (

    select
        cast(input_name as {{ string }}) as input_name,
        cast(model_id as {{ string }}) as model_id,
        cast(window_grain as {{ string }}) as window_grain,
        cast(check_category as {{ string }}) as check_category,
        cast(check_name as {{ string }}) as check_name,
        cast(gate_status as {{ string }}) as gate_status,
        cast(case when gate_status = 'pass' then coalesce(ok_diagnostic, 'pass') else coalesce(bad_diagnostic, gate_status) end as {{ string }}) as diagnostic,
        cast(measured_value as {{ double }}) as measured_value,
        cast(case
            {%- for key in corridor._corridor_gate_defaults().keys() %}
            when threshold_key = '{{ key }}' then {{ corridor.gate_config(key)['warn'] if corridor.gate_config(key)['warn'] is not none else 'null' }}
            {%- endfor %}
        end as {{ double }}) as warn_threshold,
        cast(case
            {%- for key in corridor._corridor_gate_defaults().keys() %}
            when threshold_key = '{{ key }}' then {{ corridor.gate_config(key)['fail'] if corridor.gate_config(key)['fail'] is not none else 'null' }}
            {%- endfor %}
        end as {{ double }}) as fail_threshold,
        cast(rows_checked as {{ bigint }}) as rows_checked,
        cast(rows_affected as {{ bigint }}) as rows_affected,
        cast(window_start as {{ ts }}) as window_start,
        cast(window_end as {{ ts }}) as window_end

    from all_checks

)

select * from final
