{#
    corridor.feature_version_rejection_reasons(): why a row of the feature
    versions input cannot be used, as (reason code, SQL condition over
    int_corridor__feature_versions_checked's `counted` step): a missing
    feature, version or start, a start that does not parse, and two rows
    starting the same feature at the same time with different versions (which
    one production ran on is ambiguous: both are quarantined); a second copy
    of the same row is quarantined as a duplicate.
#}
{% macro feature_version_rejection_reasons() %}
    {{ return(adapter.dispatch('feature_version_rejection_reasons', 'corridor')()) }}
{% endmacro %}

{% macro default__feature_version_rejection_reasons() %}
    {{ return([
        ('missing_feature_name', "feature_name is null or feature_name = ''"),
        ('missing_feature_version', "feature_version is null or feature_version = ''"),
        ('missing_valid_from', 'valid_from_is_missing'),
        ('unparseable_valid_from', 'valid_from_is_unparseable'),
        ('conflicting_feature_version', 'versions_at_start > 1'),
        ('duplicate_feature_version', 'copy_number > 1'),
    ]) }}
{% endmacro %}
