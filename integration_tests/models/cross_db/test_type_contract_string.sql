{#- corridor.type_contract_string is the text type the contracts declare: a text cast to it compares equal to the
    text it came from and keeps its length, 300 characters too (no length limit) -#}
{%- set text = corridor.type_contract_string() -%}
select
    1 as case_id,
    cast('hour' as {{ text }}) as value,
    length(cast('hour' as {{ text }})) as n_chars,
    case when cast('hour' as {{ text }}) = 'hour' then 1 else 0 end as is_equal
union all
select
    2 as case_id,
    cast('model_v2 / segment=EU' as {{ text }}) as value,
    length(cast('model_v2 / segment=EU' as {{ text }})) as n_chars,
    case when cast('model_v2 / segment=EU' as {{ text }}) = 'model_v2 / segment=EU' then 1 else 0 end as is_equal
union all
select
    3 as case_id,
    cast('x' as {{ text }}) as value,
    length(cast(repeat('x', 300) as {{ text }})) as n_chars,
    case when cast(repeat('x', 300) as {{ text }}) = repeat('x', 300) then 1 else 0 end as is_equal
