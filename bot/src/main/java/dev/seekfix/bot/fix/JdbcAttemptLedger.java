package dev.seekfix.bot.fix;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link AttemptLedger} in one table, {@code fix_attempt}, in the database the queue already uses (H2 or
 * PostgreSQL; the SQL is common to both), created by the bot's Flyway migrations ({@code db/bot}).
 */
public final class JdbcAttemptLedger implements AttemptLedger {

    static final String TABLE = "fix_attempt";
    private static final String COLUMNS = "id, repository, pull_number, head_sha, failure_key, check_name, "
            + "trigger_kind, delivery_id, outcome, detail, started_at, finished_at";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcAttemptLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Creates or upgrades the table through the bot's Flyway migrations; call once at start-up. */
    public JdbcAttemptLedger createSchema() {
        try {
            new dev.seekfix.bot.db.BotSchemaMigrations(dataSource).migrate();
            return this;
        } catch (RuntimeException e) {
            throw new AttemptLedgerException("cannot create table " + TABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Attempt begin(Start start) {
        Optional<Attempt> existing = byDelivery(start.deliveryId(), start.failureKey());
        if (existing.isPresent()) return existing.get();
        String sql = "INSERT INTO fix_attempt (repository, pull_number, head_sha, failure_key, check_name, trigger_kind, "
                + "delivery_id, outcome, detail, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, start.repository());
            ps.setInt(2, start.pullNumber());
            ps.setString(3, start.headSha());
            ps.setString(4, start.failureKey());
            ps.setString(5, truncate(start.checkName(), 255));
            ps.setString(6, start.trigger());
            ps.setString(7, start.deliveryId());
            ps.setString(8, AttemptOutcome.IN_PROGRESS.name());
            ps.setString(9, "");
            ps.setTimestamp(10, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            // a concurrent run of the same delivery inserted first: use its row
            return byDelivery(start.deliveryId(), start.failureKey()).orElseThrow(() ->
                    new AttemptLedgerException("cannot record a fix attempt for " + start.repository() + "#"
                            + start.pullNumber() + ": " + e.getMessage(), e));
        }
        return byDelivery(start.deliveryId(), start.failureKey()).orElseThrow(() ->
                new AttemptLedgerException("the attempt just recorded for delivery " + start.deliveryId() + " is missing"));
    }

    @Override
    public void finish(long attemptId, AttemptOutcome outcome, String detail) {
        String sql = "UPDATE fix_attempt SET outcome = ?, detail = ?, finished_at = ? WHERE id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, outcome.name());
            ps.setString(2, truncate(detail, 4000));
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            ps.setLong(4, attemptId);
            if (ps.executeUpdate() != 1) throw new AttemptLedgerException("no fix attempt with id " + attemptId);
        } catch (SQLException e) {
            throw new AttemptLedgerException("cannot record the outcome of fix attempt " + attemptId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int countedForHead(String repository, int pullNumber, String headSha, long excludingId) {
        return count("repository = ? AND pull_number = ? AND head_sha = ?", repository, pullNumber, headSha, excludingId);
    }

    @Override
    public int countedForFailure(String repository, int pullNumber, String failureKey, long excludingId) {
        return count("repository = ? AND pull_number = ? AND failure_key = ?", repository, pullNumber, failureKey, excludingId);
    }

    private int count(String where, String repository, int pullNumber, String key, long excludingId) {
        List<String> counted = Arrays.stream(AttemptOutcome.values()).filter(AttemptOutcome::countsTowardCap)
                .map(o -> "'" + o.name() + "'").toList();
        String sql = "SELECT COUNT(*) FROM fix_attempt WHERE " + where + " AND id <> ? AND outcome IN ("
                + String.join(", ", counted) + ")";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, repository);
            ps.setInt(2, pullNumber);
            ps.setString(3, key);
            ps.setLong(4, excludingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new AttemptLedgerException("cannot count fix attempts of " + repository + "#" + pullNumber + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Attempt> history(String repository, int pullNumber) {
        String sql = "SELECT " + COLUMNS + " FROM fix_attempt WHERE repository = ? AND pull_number = ? ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, repository);
            ps.setInt(2, pullNumber);
            return read(ps);
        } catch (SQLException e) {
            throw new AttemptLedgerException("cannot read fix attempts of " + repository + "#" + pullNumber + ": " + e.getMessage(), e);
        }
    }

    private Optional<Attempt> byDelivery(String deliveryId, String failureKey) {
        String sql = "SELECT " + COLUMNS + " FROM fix_attempt WHERE delivery_id = ? AND failure_key = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deliveryId);
            ps.setString(2, failureKey);
            return read(ps).stream().findFirst();
        } catch (SQLException e) {
            throw new AttemptLedgerException("cannot read fix attempts of delivery " + deliveryId + ": " + e.getMessage(), e);
        }
    }

    private static List<Attempt> read(PreparedStatement ps) throws SQLException {
        List<Attempt> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp("finished_at");
                out.add(new Attempt(rs.getLong("id"), rs.getString("repository"), rs.getInt("pull_number"),
                        rs.getString("head_sha"), rs.getString("failure_key"), rs.getString("check_name"),
                        rs.getString("trigger_kind"), rs.getString("delivery_id"),
                        AttemptOutcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
                        rs.getTimestamp("started_at").toInstant(),
                        Optional.ofNullable(finished).map(Timestamp::toInstant)));
            }
        }
        return out;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The attempt table could not be read or written. */
    public static final class AttemptLedgerException extends RuntimeException {
        public AttemptLedgerException(String message) {
            super(message);
        }

        public AttemptLedgerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
