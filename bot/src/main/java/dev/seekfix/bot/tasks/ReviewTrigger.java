package dev.seekfix.bot.tasks;

/** Why a review runs; decides full versus incremental and whether an existing review for the head ends it. */
public sealed interface ReviewTrigger {

    /** opened, reopened, ready_for_review: the whole PR, once per head. */
    record Opened() implements ReviewTrigger {
    }

    /** synchronize: the commits between {@code before} and {@code after}, per {@code review.on_push}. */
    record Pushed(String before, String after) implements ReviewTrigger {
    }

    /** {@code /review}: the whole PR, also when this head was reviewed (the review is then updated). */
    record Requested() implements ReviewTrigger {
    }
}
