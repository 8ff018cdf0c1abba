{#
    spark__beta_cdf_query: corridor.beta_cdf_query on Spark, as one expression per row.

    The default body (macros/stats/beta_cdf_query.sql) expands each row into its series terms with a lateral
    join and sums them with a window and an aggregate, unioned with the quadrature rows. Spark's optimizer
    inlines every CTE and collapses the projections, so the beta quantiles (ten Halley steps, each a copy of that
    query over the previous step) became one plan too deep for it (InlineCTE and ConstantFolding never finished;
    docs/engines.md). Here the same mathematics is a row-wise expression built from Spark's higher-order
    functions: the series is `aggregate(sequence(1, n), ...)` accumulating the log of each term and the sum, the
    quadrature is `aggregate` over the 240 Gauss-Legendre nodes, and intermediate values are bound once with
    `transform(array(named_struct(...)), v -> ...)[0]`. The plan stays a projection whatever the iteration count,
    so Spark plans it in a second and runs it on every executor without a shuffle. Every row of `source` gets a
    row (a null x a null CDF; the default body leaves such rows out): a filter on x here would be pushed below
    the caller's joins with x's whole expression (a beta quantile, say) substituted, and computed twice.

    Same choices as the default body, so the results agree to rounding: the same terms bound
    (corridor._beta_terms_bound) and direct or flipped series, the same cap of 400,000 terms, the same switch to
    the quadrature (corridor.beta_cdf_uses_quadrature), the same nodes. The terms are added in a fixed order
    (sequentially, in one row), so two builds give the same bits without the default's exact decimal sum.
#}
{% macro spark__beta_cdf_query(source, key, x, a, b) -%}
    select
        beta_key,
        {{ corridor._spark_beta_cdf_value('x', 'a', 'b') }} as beta_cdf
    from (
        select
            {{ key }} as beta_key,
            cast({{ x }} as double) as x,
            cast({{ a }} as double) as a,
            cast({{ b }} as double) as b
        from {{ source }}
    ) as beta_cdf_inputs
{%- endmacro %}


{#- I_x(a, b) as a Spark expression; x, a and b are double column or lambda references (each is repeated) -#}
{% macro _spark_beta_cdf_value(x, a, b) -%}
    {%- set direct_terms = corridor._beta_terms_bound(x, a, b) -%}
    {%- set flipped_terms = corridor._beta_terms_bound('1 - ' ~ x, b, a) -%}
    case
        when {{ x }} <= 0 then 0.0D
        when {{ x }} >= 1 then 1.0D
        else transform(array(named_struct('direct', {{ direct_terms }}, 'flipped', {{ flipped_terms }})), bc_t ->
            case
                when {{ corridor.beta_cdf_uses_quadrature(a, b, 'least(bc_t.direct, bc_t.flipped)') }}
                    then {{ corridor._spark_beta_cdf_quadrature_value(x, a, b) }}
                else transform(array(named_struct(
                    'is_flipped', bc_t.flipped < bc_t.direct,
                    'xx', case when bc_t.flipped < bc_t.direct then 1 - {{ x }} else {{ x }} end,
                    'aa', case when bc_t.flipped < bc_t.direct then {{ b }} else {{ a }} end,
                    'bb', case when bc_t.flipped < bc_t.direct then {{ a }} else {{ b }} end,
                    'n_terms', cast(ceil(least(least(bc_t.direct, bc_t.flipped), 400000)) as bigint)
                )), bc_o ->
                    transform(array(named_struct(
                        'log_xx', ln(bc_o.xx),
                        {#- log of the first term: x^a (1 - x)^b Γ(a + b) / (Γ(b) Γ(a + 1)), as in the default body -#}
                        'log_first_term', bc_o.aa * ln(bc_o.xx)
                        + bc_o.bb * (case
                            when bc_o.xx < 0.25 then -bc_o.xx + {{ corridor.log1p_minus_identity('(-bc_o.xx)') }}
                            else ln(1 - bc_o.xx)
                        end)
                        + {{ corridor.lgamma_difference('bc_o.bb', 'bc_o.aa') }} - {{ corridor.lgamma('bc_o.aa + 1') }}
                    )), bc_f ->
                        greatest(0.0D, least(1.0D, (case when bc_o.is_flipped then -1 else 1 end) * aggregate(
                            sequence(1, greatest(bc_o.n_terms, 1)),
                            named_struct('log_term', bc_f.log_first_term, 'total', exp(greatest(bc_f.log_first_term, -700.0D))),
                            (bc_acc, bc_j) -> transform(
                                array(bc_acc.log_term + bc_f.log_xx + ln(bc_o.aa + bc_o.bb + bc_j - 1) - ln(bc_o.aa + bc_j)),
                                bc_l -> named_struct('log_term', bc_l, 'total', bc_acc.total + exp(greatest(bc_l, -700.0D)))
                            )[0],
                            bc_acc -> bc_acc.total
                        ) + (case when bc_o.is_flipped then 1 else 0 end)))
                    )[0]
                )[0]
            end
        )[0]
    end
{%- endmacro %}


{#- corridor.beta_cdf_quadrature's ratio of two 240-node Gauss-Legendre sums, as a Spark expression -#}
{% macro _spark_beta_cdf_quadrature_value(x, a, b) -%}
    {%- set half_width = 12 -%}
    {%- set panels = 24 -%}
    {%- set gauss_legendre = [
        (0.1488743389816312, 0.2955242247147529), (0.4333953941292472, 0.2692667193099963),
        (0.6794095682990244, 0.2190863625159820), (0.8650633666889845, 0.1494513491505806),
        (0.9739065285171717, 0.0666713443086881),
    ] -%}
    {%- set nodes = [] -%}
    {%- for panel in range(panels) -%}
        {%- for xi, wi in gauss_legendre -%}
            {%- for signed_xi in [-xi, xi] -%}
                {%- do nodes.append("named_struct('position', " ~ ((panel + (signed_xi + 1) / 2) / panels) ~ "D, 'weight', "
                    ~ (wi / (2 * panels)) ~ "D)") -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {%- set node_array = 'array(' ~ nodes | join(', ') ~ ')' -%}
    {%- set density = '(' ~ a ~ ' - 1) * ' ~ corridor.log1p_minus_identity('bc_u.u') ~ ' + (' ~ b ~ ' - 1) * '
        ~ corridor.log1p_minus_identity('bc_u.v') -%}
    transform(array(named_struct('mode', ({{ a }} - 1) / ({{ a }} + {{ b }} - 2))), bc_m ->
        transform(array(named_struct(
            'scale_a', sqrt(bc_m.mode * (1 - bc_m.mode) / ({{ a }} + {{ b }} - 2)) / bc_m.mode,
            'scale_b', sqrt(bc_m.mode * (1 - bc_m.mode) / ({{ a }} + {{ b }} - 2)) / (1 - bc_m.mode),
            'z_x', least(greatest(({{ x }} - bc_m.mode) / sqrt(bc_m.mode * (1 - bc_m.mode) / ({{ a }} + {{ b }} - 2)),
                -{{ half_width }}.0D), {{ half_width }}.0D)
        )), bc_c ->
            greatest(0.0D, least(1.0D,
                (bc_c.z_x + {{ half_width }}) * aggregate({{ node_array }}, 0.0D, (bc_s, bc_n) -> bc_s + bc_n.weight * transform(
                    array(named_struct(
                        'u', bc_c.scale_a * (-{{ half_width }} + (bc_c.z_x + {{ half_width }}) * bc_n.position),
                        'v', -bc_c.scale_b * (-{{ half_width }} + (bc_c.z_x + {{ half_width }}) * bc_n.position)
                    )),
                    bc_u -> exp({{ density }})
                )[0])
                / ({{ 2 * half_width }} * aggregate({{ node_array }}, 0.0D, (bc_s, bc_n) -> bc_s + bc_n.weight * transform(
                    array(named_struct(
                        'u', bc_c.scale_a * (-{{ half_width }} + {{ 2 * half_width }} * bc_n.position),
                        'v', -bc_c.scale_b * (-{{ half_width }} + {{ 2 * half_width }} * bc_n.position)
                    )),
                    bc_u -> exp({{ density }})
                )[0]))
            ))
        )[0]
    )[0]
{%- endmacro %}
