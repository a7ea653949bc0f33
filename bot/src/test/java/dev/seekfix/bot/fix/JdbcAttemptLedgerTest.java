package dev.seekfix.bot.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcAttemptLedgerTest {

    private JdbcAttemptLedger ledger;
    private JdbcDataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ledger = new JdbcAttemptLedger(dataSource, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC))
                .createSchema();
    }

    private static AttemptLedger.Start start(String head, String failure, String delivery) {
        return new AttemptLedger.Start("acme/greeter", 42, head, failure, "build", "workflow_run", delivery);
    }

    @Test
    void countsAttemptsPerHeadAndPerFailure() {
        Attempt a = ledger.begin(start("h1", "f1", "d1"));
        ledger.finish(a.id(), AttemptOutcome.FIX_UNVERIFIED, "suggested");
        Attempt b = ledger.begin(start("h2", "f1", "d2"));
        ledger.finish(b.id(), AttemptOutcome.NO_FIX, "patch did not apply");
        Attempt c = ledger.begin(start("h2", "f2", "d3"));

        assertThat(ledger.countedForHead("acme/greeter", 42, "h2", c.id())).isEqualTo(1);
        assertThat(ledger.countedForFailure("acme/greeter", 42, "f1", c.id())).isEqualTo(2);
        assertThat(ledger.countedForFailure("acme/greeter", 42, "f2", c.id())).isZero();
        assertThat(ledger.countedForFailure("acme/other", 42, "f1", -1)).isZero();
    }

    @Test
    void doesNotCountReportsAndSkips() {
        Attempt a = ledger.begin(start("h1", "f1", "d1"));
        ledger.finish(a.id(), AttemptOutcome.REPORTED, "infrastructure");
        Attempt b = ledger.begin(start("h1", "f1", "d2"));
        ledger.finish(b.id(), AttemptOutcome.SKIPPED, "own commit");
        assertThat(ledger.countedForHead("acme/greeter", 42, "h1", -1)).isZero();
    }

    @Test
    void returnsTheSameAttemptWhenADeliveryIsHandledAgain() {
        Attempt first = ledger.begin(start("h1", "f1", "d1"));
        Attempt again = ledger.begin(start("h1", "f1", "d1"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.finished()).isFalse();
        ledger.finish(first.id(), AttemptOutcome.FIX_VERIFIED, "verified");
        Attempt afterFinish = ledger.begin(start("h1", "f1", "d1"));
        assertThat(afterFinish.finished()).isTrue();
        assertThat(afterFinish.outcome()).isEqualTo(AttemptOutcome.FIX_VERIFIED);
        assertThat(ledger.history("acme/greeter", 42)).hasSize(1);
    }

    @Test
    void keepsAttemptsAcrossLedgerInstancesAndSchemaRuns() {
        Attempt a = ledger.begin(start("h1", "f1", "d1"));
        ledger.finish(a.id(), AttemptOutcome.NO_FIX, "x".repeat(5000));
        JdbcAttemptLedger reopened = new JdbcAttemptLedger(dataSource, Clock.systemUTC()).createSchema();
        assertThat(reopened.history("acme/greeter", 42)).singleElement().satisfies(at -> {
            assertThat(at.outcome()).isEqualTo(AttemptOutcome.NO_FIX);
            assertThat(at.detail()).hasSize(4000);
            assertThat(at.startedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        });
    }
}
