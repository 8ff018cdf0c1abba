{#- corridor.check_pseudonym_key: the test session's key passes (the model builds only if it does), and the
    engine's split of a key into characters (key_characters, dispatched) gives the character counts and the
    Shannon entropy in bits (its length times the entropy of its character frequencies) computed in Python -#}
{%- do corridor.check_pseudonym_key() -%}
{%- set double = corridor.type_double() -%}
with keys as (
    select 1 as case_id, 'aaaaaaaaaaaaaaaaaaaa' as k
    union all select 2, 'abcdefgh'
    union all select 3, 'corridor-sample-key'
    union all select 4, 'a1b2a1b2a1b2a1b2'
),

chars as (
    select case_id, c
    from (select case_id, {{ adapter.dispatch('key_characters', 'corridor')('k') }} as c from keys) as split
),

counts as (
    select case_id, c, count(*) as n from chars group by case_id, c
),

totals as (
    select case_id, sum(n) as total from counts group by case_id
)

select
    t.case_id,
    t.total as n_chars,
    count(*) as n_distinct,
    coalesce(sum(-c.n * ln(cast(c.n as {{ double }}) / t.total)), 0) / ln(2.0) as entropy_bits
from totals as t
inner join counts as c on t.case_id = c.case_id
group by t.case_id, t.total
