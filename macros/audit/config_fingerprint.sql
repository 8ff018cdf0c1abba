{#-
    corridor.config_fingerprint(): the md5 of corridor.resolved_config(), so
    two runs with the same effective configuration share a fingerprint.
-#}
{% macro config_fingerprint() %}
    {{ return(local_md5(tojson(corridor.resolved_config(), sort_keys=true))) }}
{% endmacro %}
