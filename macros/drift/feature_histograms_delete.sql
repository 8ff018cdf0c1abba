{#-
    corridor.feature_histograms_delete(fingerprints, features): the pre-hook of
    the incremental int_corridor__feature_histograms. Deletes the rows the run
    recomputes: windows in the lookback (corridor.lookback_condition, as every
    incremental model), features no longer configured, and every window of a
    model version x feature whose reference changed since its rows were
    written (reference_fingerprint differs from int_corridor__feature_reference_fingerprints;
    0 for a feature without a reference). The model then recomputes each
    model version x feature left without rows, whole.

    Spark (no DELETE on plain Parquet tables): the lookback only, through
    corridor.lookback_delete; a changed reference needs --full-refresh there.
-#}
{% macro feature_histograms_delete(fingerprints, features) %}
    {{ return(adapter.dispatch('feature_histograms_delete', 'corridor')(fingerprints, features)) }}
{% endmacro %}

{% macro default__feature_histograms_delete(fingerprints, features) %}
    {%- if not execute or not is_incremental() -%}
        {{ return('') }}
    {%- endif -%}
    {%- set lookback = corridor.lookback_condition('histograms.window_start') -%}
    {%- set names = [] -%}
    {%- for f in features -%}{%- do names.append(corridor.sql_string(f['feature'])) -%}{%- endfor -%}
    {%- set conditions = ['(' ~ (lookback if lookback is not none else '1 = 1') ~ ')'] -%}
    {%- do conditions.append('histograms.feature_name not in (' ~ ((names | join(', ')) if names else "''") ~ ')') -%}
    {%- do conditions.append('histograms.reference_fingerprint <> coalesce((select fingerprints.reference_fingerprint from '
        ~ fingerprints ~ ' as fingerprints where fingerprints.model_id = histograms.model_id'
        ~ ' and fingerprints.model_version = histograms.model_version'
        ~ ' and fingerprints.feature_name = histograms.feature_name), 0)') -%}
    {{ return('delete from ' ~ this ~ ' as histograms where ' ~ (conditions | join('\n    or '))) }}
{% endmacro %}

{% macro spark__feature_histograms_delete(fingerprints, features) %}
    {{ return(corridor.lookback_delete()) }}
{% endmacro %}
