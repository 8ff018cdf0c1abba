{#-
    Which histogram groups the Python bootstrap (int_corridor__bootstrap_intervals)
    fingerprints on this run, and the record of its last build. One row:

    - fingerprint_since: the earliest calendar window start the value
      histograms recomputed in this invocation (corridor.bootstrap_scope),
      when their rows before it are the ones the bootstrap's last build
      fingerprinted; null (every group) otherwise: a full build, a run whose
      value histograms did not compile, no record of the bootstrap's last
      build, on Spark. The bootstrap then fingerprints the calendar groups
      from there on and every rolling window (summed from days, whose
      window set follows each version's last day), and looks for vanished
      groups among those only;
    - calendar_grains: the grains whose groups come from the value histograms
      (corridor.known_window_grains), so the bootstrap tells a stored
      calendar group from a rolling one;
    - scope_invocation_id: this invocation; the bootstrap's pre-hook forgets
      fingerprint_since when it reads a scope built in another;
    - bootstrap_invocation_id: null here; the bootstrap's post-hook writes its
      invocation when the value histograms were built in it too
      (corridor.bootstrap_scope_hook); every build of the value histograms
      deletes this row (corridor.state_invalidate).
-#}
-- depends_on: {{ ref('int_corridor__value_histograms') }}
{%- set scope = corridor.bootstrap_scope() %}
{%- set since = scope['since'] if scope is not none and scope['since'] is not none else 'null' %}

with

final as (

    select
        cast({{ since }} as {{ dbt.type_timestamp() }}) as fingerprint_since,
        cast({{ corridor.sql_string(corridor.known_window_grains() | join(',')) }} as {{ dbt.type_string() }}) as calendar_grains,
        cast({{ corridor.sql_string(invocation_id) }} as {{ dbt.type_string() }}) as scope_invocation_id,
        cast(null as {{ dbt.type_string() }}) as bootstrap_invocation_id,
        cast({{ corridor.run_time() }} as {{ dbt.type_timestamp() }}) as built_at

)

select * from final
