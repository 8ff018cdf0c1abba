{#
    The arrival state of int_corridor__event_id_index: what an incremental
    run must recompute of the index (docs/incremental.md, "The event id
    index").

    corridor.event_index_snapshot(take=true): taken once per invocation, by
    int_corridor__changed_id_rows while it compiles, or by
    int_corridor__event_id_index in a selection without that model (the
    index's body and pre-hook share it), before either reads the inputs; an
    index that is not incremental in that invocation (its table missing)
    sets delta to none, so every reader recomputes whole with it. A dict:

    - inputs: per input (production_events: loaded_at, outcomes:
      label_arrived_at; rows with an event id), its watermark (the latest
      arrival time, a SQL literal; none when no row has one), its number of
      rows and their corridor.fingerprint_sum over (event_id, arrival time);
    - built_at: this run's time (corridor.run_time), rules:
      corridor.event_index_rules();
    - delta: none when the index is recomputed whole, else the SQL literals
      events_after, outcomes_after (the previous watermarks) and
      future_after (the earlier of the previous run's time and this one's,
      plus corridor_future_tolerance_minutes), and previous_invocation_id
      (the invocation that took the previous snapshot);
    - consumers: the models that read the index's delta in this invocation
      (int_corridor__events_enriched, corridor.event_lookback_starts).

    delta is set on an incremental run (of the model taking the snapshot)
    when the previous run's state (int_corridor__event_arrival_state,
    written from its snapshot) exists, has
    a watermark for both inputs and the same rules, and the rows at or before
    each watermark (or without an arrival time) are still exactly those it
    fingerprinted: nothing was deleted, rewritten or loaded with an old
    arrival time. Then only the ids of rows that arrived after a watermark,
    and of events that were or are in the future (their future_event_at
    changes with the run's time), can have another index row
    (corridor.event_index_changed_ids). Any other change recomputes the whole
    index, as does Spark (its delete rewrites the table).

    None while dbt parses, and when the staging views do not exist yet (a
    compile of an empty database). take=false
    (int_corridor__event_arrival_state): the snapshot this
    invocation's index used, or none when the index did not compile in it
    (corridor.built_in_invocation; a selection without it, even one with
    int_corridor__changed_id_rows); nothing is queried.
#}
{% macro event_index_snapshot(take=true) %}
    {{ return(adapter.dispatch('event_index_snapshot', 'corridor')(take)) }}
{% endmacro %}

{% macro default__event_index_snapshot(take=true) %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set cache = graph.setdefault('corridor_event_index_snapshot', {}) -%}
    {%- if not take and not corridor.built_in_invocation('int_corridor__event_id_index') -%}
        {{ return(none) }}
    {%- endif -%}
    {%- if invocation_id in cache or not take -%}
        {{ return(cache.get(invocation_id)) }}
    {%- endif -%}
    {%- set arrivals = {'production_events': 'loaded_at', 'outcomes': 'label_arrived_at'} -%}
    {#- a compile before the staging views exist (sqlfluff, dbt compile of an empty database): no snapshot -#}
    {%- for input_name in arrivals if load_relation(ref('stg_corridor__' ~ input_name)) is none -%}
        {{ return(none) }}
    {%- endfor -%}
    {%- set rules = corridor.event_index_rules() -%}
    {%- set ts = dbt.type_timestamp() -%}
    {%- set previous = {} -%}
    {%- set state = corridor.built_model_relation('int_corridor__event_arrival_state') if is_incremental() else none -%}
    {%- if state is not none and target.type != 'spark' -%}
        {%- set text = dbt.type_string() -%}
        {#- a state written before it recorded its invocation (corridor 0.2.0 and earlier) has none -#}
        {%- set invocation = 'invocation_id' if corridor.relation_has_column(state, 'invocation_id')
            else 'cast(null as ' ~ text ~ ')' -%}
        {%- set stored = run_query('select input_name, cast(watermark as ' ~ text ~ '), n_rows, row_fingerprint, cast(built_at as '
            ~ text ~ '), rules, ' ~ invocation ~ ' from ' ~ state) -%}
        {%- for row in stored.rows if row[1] is not none and row[5] == rules -%}
            {%- do previous.update({row[0]: {
                'watermark': 'cast(' ~ corridor.sql_string(row[1] | string) ~ ' as ' ~ ts ~ ')',
                'n_rows': row[2] | int,
                'fingerprint': row[3] | string,
                'built_at': 'cast(' ~ corridor.sql_string(row[4] | string) ~ ' as ' ~ ts ~ ')',
                'invocation_id': row[6],
            }}) -%}
        {%- endfor -%}
    {%- endif -%}
    {%- set comparable = previous | length == arrivals | length -%}
    {%- set query -%}
        {%- for input_name, arrival in arrivals.items() %}
        {%- set before = arrival ~ ' is null or ' ~ arrival ~ ' <= ' ~ previous[input_name]['watermark'] if comparable else '1 = 0' %}
        select
            '{{ input_name }}' as input_name,
            cast(max({{ arrival }}) as {{ dbt.type_string() }}) as watermark,
            count(*) as n_rows,
            {{ corridor.fingerprint_sum(['event_id', arrival]) }} as row_fingerprint,
            sum(case when {{ before }} then 1 else 0 end) as n_rows_before,
            {{ corridor.fingerprint_sum(['event_id', arrival], before) }} as fingerprint_before
        from {{ ref('stg_corridor__' ~ input_name) }}
        where event_id is not null
        {%- if not loop.last %}
        union all
        {%- endif %}
        {%- endfor %}
    {%- endset -%}
    {%- set inputs = {} -%}
    {%- set unchanged = [] -%}
    {%- for row in run_query(query).rows -%}
        {%- do inputs.update({row[0]: {
            'watermark': 'cast(' ~ corridor.sql_string(row[1] | string) ~ ' as ' ~ ts ~ ')' if row[1] is not none else none,
            'n_rows': row[2] | int,
            'fingerprint': row[3] | string,
        }}) -%}
        {%- if comparable and (row[4] or 0) | int == previous[row[0]]['n_rows'] and row[5] | string == previous[row[0]]['fingerprint'] -%}
            {%- do unchanged.append(row[0]) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set delta = none -%}
    {%- if comparable and unchanged | length == arrivals | length -%}
        {%- set earlier = 'least(' ~ previous['production_events']['built_at'] ~ ', ' ~ corridor.run_time() ~ ')' -%}
        {%- set delta = {
            'events_after': previous['production_events']['watermark'],
            'outcomes_after': previous['outcomes']['watermark'],
            'future_after': dbt.dateadd('minute', corridor.setting('corridor_future_tolerance_minutes') | int, earlier),
            'previous_invocation_id': previous['production_events']['invocation_id'],
        } -%}
    {%- endif -%}
    {%- set snapshot = {'inputs': inputs, 'built_at': corridor.run_time(), 'rules': rules, 'delta': delta, 'consumers': []} -%}
    {%- do cache.update({invocation_id: snapshot}) -%}
    {{ return(snapshot) }}
{% endmacro %}
