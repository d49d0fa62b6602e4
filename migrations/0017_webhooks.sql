-- Webhooks (issue 15): filled by the webhooks work.
select 1;
