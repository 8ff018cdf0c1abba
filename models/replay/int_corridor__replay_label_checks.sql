{#-
    The as-of checks of int_corridor__replay_label_deviations tested by the
    live tests (corridor.validation_test_ctes, as int_corridor__validation_checks):
    verdict, p-value, status and explanation of each label-dependent check
    as of each point its labels were still arriving.
-#}
with

{{ corridor.validation_test_ctes(ref('int_corridor__replay_label_deviations')) }}

select * from explained
