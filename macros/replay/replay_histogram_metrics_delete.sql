{#
    corridor.replay_histogram_metrics_delete(): the pre-hook of
    int_corridor__replay_histogram_metrics on an incremental run: deletes
    the rows whose window (as_of, model version, grain, window_start) is no
    longer in int_corridor__replay_score_histograms with the invocation that
    computed it (histograms_invocation_id): a window the histograms dropped
    or computed again. The model then computes the windows it no longer
    holds. On Spark every row (corridor.delete_rows, at once); an empty
    statement on a full build.
#}
{% macro replay_histogram_metrics_delete() %}
    {{ return(adapter.dispatch('replay_histogram_metrics_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__replay_histogram_metrics_delete() %}
    {%- if not execute or not is_incremental() -%}
        {{ return('') }}
    {%- endif -%}
    {%- if target.type == 'spark' -%}
        {%- do corridor.delete_rows(this, '1 = 1') -%}
        {{ return('') }}
    {%- endif -%}
    {%- if corridor.missing_stored_columns(['histograms_invocation_id']) -%}
        {{ return('delete from ' ~ this) }}
    {%- endif -%}
    {%- set keys = ['as_of', 'model_id', 'model_version', 'window_grain', 'window_start'] -%}
    {%- set query -%}
        delete from {{ this }} as stored
        where not exists (
            select 1
            from {{ ref('int_corridor__replay_score_histograms') }} as histograms
            where {{ corridor.keys_equal('histograms', 'stored', keys) }}
                and histograms.invocation_id = stored.histograms_invocation_id
        )
    {%- endset -%}
    {{ return(query) }}
{% endmacro %}
