{#-
    Invariant: every input row is accounted for. Per input, the rows read
    equal the rows accepted plus the rows quarantined, and the rows
    quarantined equal the rows of that input in corridor_quarantine.
    Severity: corridor_check_severity.invariants (warn by default).
-#}
{{ config(severity=corridor.check_severity('invariants'), tags=['corridor', 'corridor_invariants']) }}

with

accounting as (

    select * from {{ ref('int_corridor__input_accounting') }}

),

quarantine as (

    select
        input_name,
        count(*) as quarantine_rows

    from {{ ref('corridor_quarantine') }}
    group by 1

)

select
    accounting.input_name,
    accounting.rows_read,
    accounting.rows_accepted,
    accounting.rows_quarantined,
    coalesce(quarantine.quarantine_rows, 0) as quarantine_rows

from accounting
left join quarantine
    on accounting.input_name = quarantine.input_name
where
    accounting.rows_read <> accounting.rows_accepted + accounting.rows_quarantined
    or accounting.rows_quarantined <> coalesce(quarantine.quarantine_rows, 0)
