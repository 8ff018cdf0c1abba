{#
    corridor.replay_increment(stored_columns=none): what an incremental run
    of a replay model (int_corridor__replay_label_arrivals,
    int_corridor__replay_label_stats, int_corridor__replay_score_histograms)
    recomputes, from this invocation's corridor.replay_event_snapshot and the
    snapshot the model was last built from (int_corridor__replay_event_state,
    its rows for this model). Also records the model among the snapshot's
    consumers, so the state is written for it.

    - none on a full build (every row computed, nothing deleted);
    - {path: 'full'} when the model is incremental but its last snapshot is
      missing, was taken under other rules, its stored table lacks one of
      `stored_columns` (the columns its delete and kept rows are keyed on;
      none: cells_from and invocation_id, those of the as-of models; a table
      of an older corridor, which dbt's on_schema_change then asks to
      --full-refresh), or on Spark: every row is deleted and computed again;
    - {path: 'delta', changed: [{model_id, model_version, from}]}: a model
      version whose events differ from the last snapshot on some day (a
      count or a fingerprint, or a day on one side only), with `from` the
      first such day (a SQL timestamp); its events before `from` are the
      rows the model was last computed from. The as-of models keep a stored
      row when its replay point and cells_from are still those of
      int_corridor__replay_label_cutoffs and its window ends at or before its
      version's `from`: its events, and so its sums as of that point, are
      unchanged. Every other row is computed again (corridor.replay_delete,
      corridor.replay_as_of_window_ctes). The label arrivals keep the hours
      before `from` (corridor.replay_label_arrivals_delete).
#}
{% macro replay_increment(stored_columns=none) %}
    {{ return(adapter.dispatch('replay_increment', 'corridor')(stored_columns)) }}
{% endmacro %}

{% macro default__replay_increment(stored_columns=none) %}
    {%- set snapshot = corridor.replay_event_snapshot() -%}
    {%- if snapshot is not none and model.name not in snapshot['consumers'] -%}
        {%- do snapshot['consumers'].append(model.name) -%}
    {%- endif -%}
    {%- if not execute or not is_incremental() -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set state = corridor.built_model_relation('int_corridor__replay_event_state') -%}
    {%- if snapshot is none or state is none or target.type == 'spark'
        or corridor.missing_stored_columns(['cells_from', 'invocation_id'] if stored_columns is none else stored_columns) -%}
        {{ return({'path': 'full'}) }}
    {%- endif -%}
    {%- set stored = run_query(
        'select model_id, model_version, day_start, n_events, row_fingerprint, rules from ' ~ state
        ~ ' where consumer = ' ~ corridor.sql_string(model.name)) -%}
    {%- set previous = {} -%}
    {%- for row in stored.rows -%}
        {%- if row[5] != snapshot['rules'] -%}
            {{ return({'path': 'full'}) }}
        {%- endif -%}
        {%- do previous.update({(row[0], row[1], row[2] | string): [row[3] | int, row[4] | string]}) -%}
    {%- endfor -%}
    {%- if previous | length == 0 -%}
        {{ return({'path': 'full'}) }}
    {%- endif -%}
    {%- set first_changed = {} -%}
    {%- for days, other in [(snapshot['days'], previous), (previous, snapshot['days'])] -%}
        {%- for key, value in days.items() if other.get(key) != value -%}
            {%- set version = (key[0], key[1]) -%}
            {%- if version not in first_changed or key[2] < first_changed[version] -%}
                {%- do first_changed.update({version: key[2]}) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set changed = [] -%}
    {%- for version, day in first_changed.items() | sort -%}
        {%- do changed.append({
            'model_id': version[0],
            'model_version': version[1],
            'from': 'cast(' ~ corridor.sql_string(day) ~ ' as ' ~ dbt.type_timestamp() ~ ')',
        }) -%}
    {%- endfor -%}
    {{ return({'path': 'delta', 'changed': changed}) }}
{% endmacro %}
