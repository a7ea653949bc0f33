package dev.seekfix.bot.ci;

import java.util.List;

/**
 * One failure a tool reported, as structured data rather than a raw log tail: what the classifier compares with a
 * pull request's diff and what the fix prompt cites.
 */
public sealed interface FailureFact permits CompileError, TestFailure, LintError {

    /** The tool that reported it, e.g. {@code javac}, {@code pytest}, {@code eslint}. */
    String tool();

    /** Files this fact names, most relevant first: repository-relative paths or path suffixes. */
    List<String> paths();

    /** One line for people, e.g. {@code src/a.ts:3:7 TS2322 Type 'string' is not assignable to type 'number'.} */
    String headline();

    /** A stable text that identifies this failure across runs (no line numbers, which move with edits). */
    String signature();
}
