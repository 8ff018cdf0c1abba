{#
    corridor.calibration_alerts_delete(): the pre-hook of
    int_corridor__calibration_alerts on an incremental run: deletes the
    alerts of the replay points whose results_fingerprint
    (corridor.replay_point_fingerprints) changed, or that are no longer
    points; the model then computes the points it no longer holds. On Spark
    every row (corridor.delete_rows, at once); an empty statement on a full
    build.
#}
{% macro calibration_alerts_delete() %}
    {{ return(adapter.dispatch('calibration_alerts_delete', 'corridor')()) }}
{% endmacro %}

{% macro default__calibration_alerts_delete() %}
    {%- if not execute or not is_incremental() -%}
        {{ return('') }}
    {%- endif -%}
    {%- if target.type == 'spark' -%}
        {%- do corridor.delete_rows(this, '1 = 1') -%}
        {{ return('') }}
    {%- endif -%}
    {%- if corridor.missing_stored_columns(['results_fingerprint']) -%}
        {{ return('delete from ' ~ this) }}
    {%- endif -%}
    {%- set query -%}
        delete from {{ this }} as stored
        where not exists (
            select 1
            from ({{ corridor.replay_point_fingerprints() }}) as points
            where {{ corridor.keys_equal('points', 'stored', ['as_of', 'is_build_now', 'results_fingerprint']) }}
        )
    {%- endset -%}
    {{ return(query) }}
{% endmacro %}
