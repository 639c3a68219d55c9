-- Zalo's delivery receipts find their notification by tracking_id (the primary key) or, when a receipt carries none,
-- by Zalo's msg_id. Without this index that second lookup read the whole notifications table for every receipt.
create index notifications_provider_msg_id on notifications (provider_msg_id) where provider_msg_id is not null;
