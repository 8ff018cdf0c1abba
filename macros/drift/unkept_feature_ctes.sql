{#-
    corridor.unkept_feature_ctes(events, features, lookback): for an
    incremental run of int_corridor__feature_histograms (lookback: the
    condition of corridor.lookback_condition, none on a full build) with
    features configured, the CTEs kept (the model versions x features of
    this model's table whose older windows stay after its pre-hook) and
    unkept (the model versions of the relation `events`, columns model_id and
    model_version, x the features (corridor.feature_columns()) not kept: to
    be binned whole), preceded by blank lines and followed by a comma;
    nothing otherwise.
-#}
{% macro unkept_feature_ctes(events, features, lookback) -%}
    {{ return(adapter.dispatch('unkept_feature_ctes', 'corridor')(events, features, lookback)) }}
{%- endmacro %}

{% macro default__unkept_feature_ctes(events, features, lookback) -%}
{%- if lookback is not none and features %}

kept as (

    {#- after the pre-hook: the model versions x features whose older windows stay #}
    select distinct
        model_id,
        model_version,
        feature_name

    from {{ this }}

),

{# the model versions x features binned whole: a changed reference, a new feature or version (usually none) -#}
unkept as (

    select
        versions.model_id,
        versions.model_version,
        features.feature_name

    from (select distinct model_id, model_version from {{ events }}) as versions
    cross join (
        {%- for f in features %}
        select cast('{{ f['feature'] }}' as {{ dbt.type_string() }}) as feature_name{{ ' union all' if not loop.last }}
        {%- endfor %}
    ) as features
    where not exists (
        select 1 from kept
        where kept.model_id = versions.model_id
            and kept.model_version = versions.model_version
            and kept.feature_name = features.feature_name
    )

),
{%- endif %}
{%- endmacro %}
