{#-
    Every check the rules registry asks for, before false-discovery control
    (one row per check of int_corridor__validation_deviations): the comparison
    kind's test (macros/validation/kinds/, selected by
    corridor.comparison_kind), with binomial tails for rates; its verdict and
    p-value; the status, where a window without data or expectation is
    `missing`, a window whose data failed its quality gates is `blocked` and a
    window below the rule's minimum sample size is `inconclusive`; and the
    readable explanation.
-#}

with

{{ corridor.validation_test_ctes(ref('int_corridor__validation_deviations')) }}

select * from explained
