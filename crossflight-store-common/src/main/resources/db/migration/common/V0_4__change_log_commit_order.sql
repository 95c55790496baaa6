-- change_log seq order must be commit order: SSE streams and the webhook fan-out tail the log
-- with "seq > cursor" and would skip a row whose lower seq committed after a higher one.
-- Every writer therefore takes one transaction-scoped advisory lock (held to commit) and only
-- then draws its seq; the column default was drawn before the lock, so it is drawn again.
-- This holds for any INSERT, including batched ones that bypass ChangeLog.record.
CREATE FUNCTION change_log_serialise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(4847636026523273029);
    NEW.seq := nextval(pg_get_serial_sequence(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, 'seq'));
    RETURN NEW;
END
$$;

CREATE TRIGGER change_log_serialise BEFORE INSERT ON change_log
    FOR EACH ROW EXECUTE FUNCTION change_log_serialise();
