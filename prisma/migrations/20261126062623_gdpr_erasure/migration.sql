-- GDPR erasure (account deletion): the append-only tables may be redacted, and only redacted,
-- inside a transaction that has set `SET LOCAL passerelle.erasure = 'on'` (the privacy module's
-- deleteMyAccount). Without that transaction-local setting they stay exactly as append-only as
-- before: brief_versions refuses every UPDATE, audit_log_entries every UPDATE, DELETE and TRUNCATE.

-- A published brief version: the erasure may rewrite its snapshot text only.
CREATE OR REPLACE FUNCTION brief_versions_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('passerelle.erasure', true) = 'on'
    AND NEW."id" = OLD."id" AND NEW."briefId" = OLD."briefId" AND NEW."number" = OLD."number"
    AND NEW."publishedAt" = OLD."publishedAt" AND NEW."publishedById" = OLD."publishedById" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'brief_versions is append-only: version % of brief % is frozen', OLD."number", OLD."briefId";
END;
$$;

-- An audit entry: the erasure may rewrite its reason and metadata only; DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION audit_log_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('passerelle.erasure', true) = 'on'
    AND NEW."id" = OLD."id" AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
    AND NEW."action" = OLD."action" AND NEW."targetType" = OLD."targetType"
    AND NEW."targetId" = OLD."targetId" AND NEW."createdAt" = OLD."createdAt" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log_entries is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
