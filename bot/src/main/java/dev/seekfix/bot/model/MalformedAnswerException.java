package dev.seekfix.bot.model;

/** The model's answer is not valid for the JSON schema it was asked for, even after the repair attempt. */
public final class MalformedAnswerException extends ModelException {
    private final String answer;

    public MalformedAnswerException(String message, String answer) {
        super(message, false);
        this.answer = answer;
    }

    /** The last answer as the model gave it (for logs at debug level; it is untrusted text). */
    public String answer() {
        return answer;
    }
}
