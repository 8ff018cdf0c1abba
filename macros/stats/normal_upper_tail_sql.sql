{#-
    corridor.normal_upper_tail_sql(x): 1 - Phi(x), computed as Phi(-x) so that
    small tail probabilities are accurate.
-#}

{% macro normal_upper_tail_sql(x) -%}
    {{ return(corridor.normal_cdf_sql('(-(' ~ x ~ '))')) }}
{%- endmacro %}
