{#
    corridor.beta_cdf_query(source, key, x, a, b)
        A query of (beta_key, beta_cdf): the regularized incomplete beta
        function I_x(a, b) for each row of `source` with x not null and
        a, b > 0 (x, a, b are column expressions; key is unique per row):
        x <= 0 gives 0, x >= 1 gives 1. The series or the quadrature of
        corridor.beta_cdf_evaluation, whichever the row needs: a bounded
        cost per row whatever a and b (up to a + b = 10^8, compared with
        scipy.stats.beta.cdf by the integration tests).
#}
{% macro beta_cdf_query(source, key, x, a, b) -%}
    {{ return(adapter.dispatch('beta_cdf_query', 'corridor')(source, key, x, a, b)) }}
{%- endmacro %}

{% macro default__beta_cdf_query(source, key, x, a, b) -%}
    select beta_key, beta_cdf
    from (
        {{ corridor.beta_cdf_evaluation(source, key, x, a, b) }}
    ) as beta_cdfs
{%- endmacro %}
