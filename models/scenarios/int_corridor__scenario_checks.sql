{#-
    The scenario runs' checks tested by the live tests
    (corridor.validation_test_ctes, as int_corridor__validation_checks):
    verdict, p-value and status of every check of every run.
-#}
with

{{ corridor.validation_test_ctes(ref('int_corridor__scenario_deviations')) }}

select * from explained
