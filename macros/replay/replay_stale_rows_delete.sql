{#
    corridor.replay_stale_rows_delete(current, keys, state_column): the
    pre-hook of a replay model that is incremental by what its rows were
    computed from (int_corridor__replay_histogram_metrics: the invocation
    that computed a window's histograms; int_corridor__calibration_alerts:
    the fingerprint of a point's results). Deletes the stored rows whose
    `keys` (state_column among them) are no longer a row of `current` (a
    select with those columns); the model then computes what it no longer
    holds. Every row when the stored table lacks state_column (built by an
    older corridor: dbt's on_schema_change then asks for --full-refresh),
    and on Spark (corridor.delete_rows, at once); an empty statement on a
    full build.
#}
{% macro replay_stale_rows_delete(current, keys, state_column) %}
    {{ return(adapter.dispatch('replay_stale_rows_delete', 'corridor')(current, keys, state_column)) }}
{% endmacro %}

{% macro default__replay_stale_rows_delete(current, keys, state_column) %}
    {%- if corridor.incremental_delete_skipped() -%}
        {{ return('') }}
    {%- endif -%}
    {%- if corridor.missing_stored_columns([state_column]) -%}
        {{ return('delete from ' ~ this) }}
    {%- endif -%}
    {%- set query -%}
        delete from {{ this }} as stored
        where not exists (
            select 1
            from ({{ current }}) as current_rows
            where {{ corridor.keys_equal('current_rows', 'stored', keys) }}
        )
    {%- endset -%}
    {{ return(query) }}
{% endmacro %}
