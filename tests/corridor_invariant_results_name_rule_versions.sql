{#-
    Invariant: every validation result and every alert names a valid rule
    version of the registry (int_corridor__rules_checked).
    Severity: corridor_check_severity.invariants (warn by default).
-#}
{{ config(severity=corridor.check_severity('invariants'), tags=['corridor', 'corridor_invariants']) }}

with

valid_rules as (

    select
        rule_id,
        rule_version

    from {{ ref('int_corridor__rules_checked') }}
    where is_valid

),

named as (

    select
        'corridor_validation_results' as table_name,
        rule_id,
        rule_version

    from {{ ref('corridor_validation_results') }}

    union all

    select
        'corridor_alerts' as table_name,
        rule_id,
        rule_version

    from {{ ref('corridor_alerts') }}

)

select
    named.table_name,
    named.rule_id,
    named.rule_version

from named
left join valid_rules
    on
        named.rule_id = valid_rules.rule_id
        and named.rule_version = valid_rules.rule_version
where valid_rules.rule_id is null
