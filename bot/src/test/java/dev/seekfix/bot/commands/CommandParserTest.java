package dev.seekfix.bot.commands;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommandParserTest {
    final CommandParser parser = new CommandParser("seekfix");

    Optional<Command> parse(String body) {
        return parser.parse(body, Optional.empty());
    }

    @Test
    void readsSlashAndMentionForms() {
        assertThat(parse("/review")).contains(new Command.Review());
        assertThat(parse("@seekfix describe")).contains(new Command.Describe());
        assertThat(parse("@SeekFix /help")).contains(new Command.Help());
        assertThat(parse("Thanks!\n\n/pause")).contains(new Command.Pause());
    }

    @Test
    void readsTargetsAndArguments() {
        assertThat(parse("/explain src/A.java:10-20")).contains(new Command.Explain(Optional.of(
                new Command.Target("src/A.java", Optional.of(10), Optional.of(20)))));
        assertThat(parse("/translate kotlin src/A.java")).contains(new Command.Translate("kotlin",
                Optional.of(new Command.Target("src/A.java", Optional.empty(), Optional.empty()))));
        assertThat(parse("/ask is this thread-safe?")).contains(new Command.Ask("is this thread-safe?", Optional.empty()));
        assertThat(parse("/test")).contains(new Command.WriteTests(Optional.empty()));
    }

    @Test
    void aReviewThreadGivesItsLinesToCommandsWithoutTarget() {
        Command.Target thread = new Command.Target("B.java", Optional.of(3), Optional.of(5));
        assertThat(parser.parse("/explain", Optional.of(thread))).contains(new Command.Explain(Optional.of(thread)));
        assertThat(parser.parse("/ask why?", Optional.of(thread))).contains(new Command.Ask("why?", Optional.of(thread)));
    }

    @Test
    void ignoresQuotesCodeBlocksOtherMentionsAndPlainText() {
        assertThat(parse("> /review\nquoted")).isEmpty();
        assertThat(parse("```\n/review\n```")).isEmpty();
        assertThat(parse("@seekfixer review")).isEmpty();
        assertThat(parse("please see /docs for details")).isEmpty();
        assertThat(parse("a/b path")).isEmpty();
    }

    @Test
    void unknownOrMisusedCommandsSayWhy() {
        assertThat(parse("/deploy")).hasValueSatisfying(c -> assertThat(c).isInstanceOf(Command.Unknown.class));
        assertThat(parse("/ask")).hasValueSatisfying(c -> assertThat(((Command.Unknown) c).problem()).contains("needs a question"));
        assertThat(parse("/explain a.java:9-3")).hasValueSatisfying(c -> assertThat(c).isInstanceOf(Command.Unknown.class));
    }

    @Test
    void onlyFixWrites() {
        assertThat(new Command.Fix(Optional.empty()).writes()).isTrue();
        assertThat(new Command.Review().writes()).isFalse();
    }
}
