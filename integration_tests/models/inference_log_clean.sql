-- The user's own model, used as corridor's production-events input.
select * from {{ ref('raw_inference_log') }}
