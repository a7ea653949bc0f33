package dev.seekfix.bot.ci;

import java.io.IOException;

/** A job's log could not be had: expired (GitHub keeps logs 90 days by default), deleted, or never written. */
public final class JobLogUnavailableException extends IOException {

    public JobLogUnavailableException(String message) {
        super(message);
    }
}
