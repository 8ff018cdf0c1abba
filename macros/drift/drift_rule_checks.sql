{#-
    corridor.drift_rule_checks(comparison_kind, metric, feature_name): the
    rules-registry checks of drift rules (comparison_kind drift), as
    [code, condition, reason] triples for int_corridor__rules_checked: the
    measure is one of corridor.drift_measures(), the rule names a configured
    feature (corridor.feature_columns()) of a type the measure applies to,
    reconstruction_error pairs with feature __multivariate__ only, and, where
    corridor.multivariate_drift_enabled() is false, reconstruction_error is
    unavailable. The arguments are the registry's columns (SQL expressions)
    the conditions and reasons read.
-#}
{% macro drift_rule_checks(comparison_kind, metric, feature_name) %}
    {{ return(adapter.dispatch('drift_rule_checks', 'corridor')(comparison_kind, metric, feature_name)) }}
{% endmacro %}

{% macro default__drift_rule_checks(comparison_kind, metric, feature_name) %}
    {%- set is_drift = comparison_kind ~ " = 'drift'" -%}
    {%- set drift_measures = corridor.drift_measures() -%}
    {%- set feature_types = {} -%}
    {%- for f in corridor.feature_columns() -%}{%- do feature_types.update({f['feature']: f['type']}) -%}{%- endfor -%}
    {%- set type_mismatch = [] -%}
    {%- for feature, type in feature_types.items() -%}
        {%- for measure, spec in drift_measures.items() if type not in spec['types'] and spec['test'] != 'multivariate' -%}
            {%- do type_mismatch.append("(" ~ feature_name ~ " = '" ~ feature ~ "' and " ~ metric ~ " = '" ~ measure ~ "')") -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set checks = [
        ['unknown_drift_measure', is_drift ~ " and (" ~ metric ~ " is null or " ~ metric ~ " not in ("
            ~ corridor.sql_string_list(drift_measures.keys() | list | sort) ~ "))",
            "'drift measure ' || coalesce('''' || " ~ metric ~ " || '''', 'null') || ' cannot be judged (judged measures: "
                ~ (drift_measures.keys() | list | sort | join(', '))
                ~ "; psi and wasserstein_normed are measured in corridor_feature_drift only)'"],
        ['missing_drift_feature', is_drift ~ " and " ~ feature_name ~ " is null",
            "'a drift rule names the feature it judges (rules column feature)'"],
        ['unknown_drift_feature', is_drift ~ " and " ~ feature_name ~ " is not null and " ~ feature_name ~ " <> '__multivariate__' and "
            ~ feature_name ~ " not in (" ~ corridor.sql_string_list((feature_types.keys() | list | sort) or ['']) ~ ")",
            "'feature ''' || " ~ feature_name ~ " || ''' is not a configured feature (var corridor_feature_columns: "
                ~ ((feature_types.keys() | list | sort | join(', ')) or 'none') ~ ")'"],
        ['drift_measure_not_for_feature_type', is_drift ~ " and (" ~ (type_mismatch | join(' or ') or 'false') ~ ")",
            "'drift measure ' || " ~ metric ~ " || ' does not apply to feature ' || " ~ feature_name ~ " || ' (ks_statistic and "
                "out_of_reference_range_share: numeric features; new_category_share: categorical)'"],
        ['multivariate_drift_feature_mismatch',
            is_drift ~ " and ((" ~ metric ~ " = 'reconstruction_error') <> (coalesce(" ~ feature_name ~ ", '') = '__multivariate__'))",
            "'drift measure reconstruction_error judges the features together and pairs with feature __multivariate__ only (got measure ' "
                "|| coalesce(" ~ metric ~ ", 'null') || ', feature ' || coalesce(" ~ feature_name ~ ", 'null') || ')'"],
    ] -%}
    {%- if not corridor.multivariate_drift_enabled() -%}
        {%- set why = 'var corridor_multivariate_drift is false' if target.type == 'duckdb'
            else 'it is a dbt Python model, built on DuckDB only, and this target is ' ~ target.type -%}
        {%- do checks.append(['multivariate_drift_unavailable', is_drift ~ " and " ~ metric ~ " = 'reconstruction_error'",
            corridor.sql_string('drift measure reconstruction_error reads corridor_multivariate_drift, which this build does not have ('
                ~ why ~ '): judge the features one by one with the univariate measures here, or run the rule on DuckDB with '
                'corridor_multivariate_drift on')]) -%}
    {%- endif -%}
    {{ return(checks) }}
{% endmacro %}
