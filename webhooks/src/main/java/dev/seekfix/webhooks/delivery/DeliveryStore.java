package dev.seekfix.webhooks.delivery;

import dev.seekfix.webhooks.db.DatabaseKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code seekfix_deliveries} table. Every method takes the connection of the caller's transaction, so that
 * storing a delivery and scheduling its job commit together.
 */
public final class DeliveryStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_TEXT = 4000;
    private static final String COLUMNS = "id, event, action, installation_id, repository, received_at, body_bytes, status, "
            + "attempts, replays, last_error, outcome, started_at, finished_at, next_attempt_at, updated_at";

    private final DatabaseKind kind;
    private final Clock clock;

    public DeliveryStore(DatabaseKind kind, Clock clock) {
        this.kind = kind;
        this.clock = clock;
    }

    /** Stores a new delivery as queued. @return false when a delivery with this id is already stored */
    public boolean insert(Connection connection, IncomingDelivery delivery) throws SQLException {
        // PostgreSQL aborts the whole transaction on a unique violation, so ask it not to raise one.
        String conflict = kind == DatabaseKind.POSTGRESQL ? " ON CONFLICT (id) DO NOTHING" : "";
        String sql = "INSERT INTO seekfix_deliveries (id, event, action, installation_id, repository, received_at, body, "
                + "body_bytes, status, attempts, replays, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)" + conflict;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, delivery.id());
            insert.setString(2, delivery.event());
            insert.setString(3, delivery.action());
            if (delivery.installationId() == null) insert.setNull(4, Types.BIGINT);
            else insert.setLong(4, delivery.installationId());
            insert.setString(5, delivery.repository());
            insert.setObject(6, timestamp(delivery.receivedAt()));
            insert.setBytes(7, delivery.body());
            insert.setInt(8, delivery.body().length);
            insert.setString(9, DeliveryStatus.QUEUED.wireName());
            insert.setObject(10, timestamp(clock.instant()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) return false;
            throw e;
        }
    }

    public Optional<DeliveryRecord> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM seekfix_deliveries WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(record(rows)) : Optional.empty();
            }
        }
    }

    /** Newest first; {@code status} null means any; {@code before} pages by received time. */
    public List<DeliveryRecord> list(Connection connection, DeliveryStatus status, Instant before, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM seekfix_deliveries WHERE 1 = 1");
        if (status != null) sql.append(" AND status = ?");
        if (before != null) sql.append(" AND received_at < ?");
        sql.append(" ORDER BY received_at DESC, id DESC LIMIT ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int i = 1;
            if (status != null) select.setString(i++, status.wireName());
            if (before != null) select.setObject(i++, timestamp(before));
            select.setInt(i, limit);
            List<DeliveryRecord> records = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) records.add(record(rows));
            }
            return records;
        }
    }

    /**
     * Marks the delivery running and counts the attempt, under a row lock so two workers cannot both start it.
     * A delivery that already finished (done or dead) is returned unchanged.
     *
     * @return the body and bookkeeping, or empty when no such delivery is stored
     */
    public Optional<StartedAttempt> startAttempt(Connection connection, String id) throws SQLException {
        DeliveryStatus before;
        int attempts;
        byte[] body;
        DeliveryRecord record;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + ", body FROM seekfix_deliveries WHERE id = ? FOR UPDATE")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) return Optional.empty();
                record = record(rows);
                body = rows.getBytes("body");
            }
        }
        before = record.status();
        if (before.isFinal()) {
            // Finished before: a recovery of a job whose process died after recording its outcome. Leave it be.
            return Optional.of(new StartedAttempt(record, before, record.attempts(), body));
        }
        attempts = record.attempts() + 1;
        Instant now = clock.instant();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seekfix_deliveries SET status = ?, attempts = ?, started_at = ?, next_attempt_at = NULL, "
                        + "updated_at = ? WHERE id = ?")) {
            update.setString(1, DeliveryStatus.RUNNING.wireName());
            update.setInt(2, attempts);
            update.setObject(3, timestamp(now));
            update.setObject(4, timestamp(now));
            update.setString(5, id);
            update.executeUpdate();
        }
        return Optional.of(new StartedAttempt(record, before, attempts, body));
    }

    public void markDone(Connection connection, String id, String outcome) throws SQLException {
        finish(connection, id, DeliveryStatus.DONE, outcome, null);
    }

    public void markDead(Connection connection, String id, String error) throws SQLException {
        finish(connection, id, DeliveryStatus.DEAD, null, error);
    }

    public void markFailed(Connection connection, String id, String error, Instant nextAttemptAt) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seekfix_deliveries SET status = ?, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, DeliveryStatus.FAILED.wireName());
            update.setString(2, clip(error));
            update.setObject(3, timestamp(nextAttemptAt));
            update.setObject(4, timestamp(now));
            update.setString(5, id);
            update.executeUpdate();
        }
    }

    /** Puts a finished delivery back in the queue on an operator's request; attempts start again from zero. */
    public void markReplayQueued(Connection connection, String id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seekfix_deliveries SET status = ?, attempts = 0, replays = replays + 1, finished_at = NULL, "
                        + "next_attempt_at = NULL, updated_at = ? WHERE id = ?")) {
            update.setString(1, DeliveryStatus.QUEUED.wireName());
            update.setObject(2, timestamp(clock.instant()));
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    public Map<DeliveryStatus, Long> countByStatus(Connection connection) throws SQLException {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) counts.put(status, 0L);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status, COUNT(*) FROM seekfix_deliveries GROUP BY status");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) counts.put(DeliveryStatus.fromWireName(rows.getString(1)), rows.getLong(2));
        }
        return counts;
    }

    private void finish(Connection connection, String id, DeliveryStatus status, String outcome, String error)
            throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE seekfix_deliveries SET status = ?, outcome = COALESCE(?, outcome), last_error = COALESCE(?, last_error), "
                        + "finished_at = ?, next_attempt_at = NULL, updated_at = ? WHERE id = ?")) {
            update.setString(1, status.wireName());
            update.setString(2, clip(outcome));
            update.setString(3, clip(error));
            update.setObject(4, timestamp(now));
            update.setObject(5, timestamp(now));
            update.setString(6, id);
            update.executeUpdate();
        }
    }

    private static DeliveryRecord record(ResultSet rows) throws SQLException {
        long installation = rows.getLong("installation_id");
        Long installationId = rows.wasNull() ? null : installation;
        return new DeliveryRecord(
                rows.getString("id"), rows.getString("event"), rows.getString("action"), installationId,
                rows.getString("repository"), instant(rows, "received_at"), rows.getInt("body_bytes"),
                DeliveryStatus.fromWireName(rows.getString("status")), rows.getInt("attempts"), rows.getInt("replays"),
                rows.getString("last_error"), rows.getString("outcome"), instant(rows, "started_at"),
                instant(rows, "finished_at"), instant(rows, "next_attempt_at"), instant(rows, "updated_at"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String text) {
        if (text == null || text.length() <= MAX_TEXT) return text;
        return text.substring(0, MAX_TEXT - 1) + "…";
    }

    /** A delivery a worker has just claimed. {@code statusBefore} tells a finished delivery from a pending one. */
    public record StartedAttempt(DeliveryRecord record, DeliveryStatus statusBefore, int attempt, byte[] body) {
    }
}
