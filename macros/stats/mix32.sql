{#
    corridor.mix32(x): one step of the 32-bit integer finalizer of
    corridor.poisson_bootstrap_weights, as an expression (x ^= x >> 16;
    x *= 0x45d9f3b, mod 2^32, products below 2^63).
#}

{% macro mix32(x) -%}
    {{ return(adapter.dispatch('mix32', 'corridor')(x)) }}
{%- endmacro %}

{% macro default__mix32(x) -%}
    (({{ corridor.bitwise_xor(x, '(' ~ x ~ ') >> 16') }}) * 73244475 % 4294967296)
{%- endmacro %}
