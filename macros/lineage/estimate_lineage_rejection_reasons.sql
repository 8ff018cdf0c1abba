{#
    corridor.estimate_lineage_rejection_reasons(): why a row of the estimate
    feature versions input (which feature versions an offline estimate was
    computed with) cannot be used, as (reason code, SQL condition over
    int_corridor__estimate_feature_versions_checked's `matched` step): a
    missing field (a row names an estimate_id or else a model_version), an
    estimate id no offline estimate carries, a model version (of model_id
    when given) no offline estimate is of, a version the
    feature versions input does not list for that feature (when that input is
    on), one estimate or model version naming two versions of one feature,
    and a second copy of
    the same row.
#}
{% macro estimate_lineage_rejection_reasons() %}
    {{ return(adapter.dispatch('estimate_lineage_rejection_reasons', 'corridor')()) }}
{% endmacro %}

{% macro default__estimate_lineage_rejection_reasons() %}
    {{ return([
        ('missing_estimate_id', "lineage_scope is null"),
        ('missing_feature_name', "feature_name is null or feature_name = ''"),
        ('missing_feature_version', "feature_version is null or feature_version = ''"),
        ('unknown_estimate', "lineage_scope = 'estimate' and not has_estimate"),
        ('unknown_model_version', "lineage_scope = 'model_version' and not has_model_version"),
        ('unknown_feature_version', "feature_version <> '' and feature_name <> '' and has_feature_versions and not has_version"),
        ('conflicting_feature_version', 'versions_of_feature > 1'),
        ('duplicate_estimate_feature_version', 'copy_number > 1'),
    ]) }}
{% endmacro %}
