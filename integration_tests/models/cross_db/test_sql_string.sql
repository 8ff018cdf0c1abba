{#- corridor.sql_string: a name with quotes, a backslash and SQL text stays data -#}
select
    1 as case_id,
    {{ corridor.sql_string("O'Brien\\x; drop table t; --") }} as quoted
