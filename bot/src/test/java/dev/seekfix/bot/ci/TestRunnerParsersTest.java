package dev.seekfix.bot.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestRunnerParsersTest {

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void readsSurefireThreeFailureWithAssertionAndInRepoFrames() {
        List<FailureFact> facts = new SurefireParser().parse(lines("""
                [INFO] Running com.acme.GreeterTest
                [ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.048 s <<< FAILURE! -- in com.acme.GreeterTest
                [ERROR] com.acme.GreeterTest.greetsByName -- Time elapsed: 0.012 s <<< FAILURE!
                org.opentest4j.AssertionFailedError: expected: <Hello, Ada!> but was: <Hello, Ada>
                \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
                \tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1145)
                \tat com.acme.Greeter.greet(Greeter.java:9)
                \tat com.acme.GreeterTest.greetsByName(GreeterTest.java:14)
                \tat java.base/java.lang.reflect.Method.invoke(Method.java:580)

                [INFO] Results:
                [ERROR] Failures:\s
                [ERROR]   GreeterTest.greetsByName:14 expected: <Hello, Ada!> but was: <Hello, Ada>
                [ERROR] Tests run: 2, Failures: 1, Errors: 0, Skipped: 0
                """));
        assertThat(facts).hasSize(1);
        TestFailure failure = (TestFailure) facts.getFirst();
        assertThat(failure.testName()).isEqualTo("com.acme.GreeterTest.greetsByName");
        assertThat(failure.message()).isEqualTo("org.opentest4j.AssertionFailedError: expected: <Hello, Ada!> but was: <Hello, Ada>");
        assertThat(failure.frames()).extracting(StackFrame::toString).containsExactly(
                "com.acme.Greeter.greet (com/acme/Greeter.java:9)",
                "com.acme.GreeterTest.greetsByName (com/acme/GreeterTest.java:14)");
        assertThat(failure.location()).contains(new SourceLocation("com/acme/GreeterTest.java", 14, 0));
    }

    @Test
    void readsSurefireTwoErrorsAndSummaryOnlyFailures() {
        List<FailureFact> facts = new SurefireParser().parse(lines("""
                [ERROR] divides(com.acme.CalcTest)  Time elapsed: 0.003 s  <<< ERROR!
                java.lang.ArithmeticException: / by zero
                \tat com.acme.Calc.divide(Calc.java:5)
                \tat com.acme.CalcTest.divides(CalcTest.java:11)

                [ERROR] Failures:\s
                [ERROR]   ParserTest.parsesEmpty:22 expected: <0> but was: <1>
                [ERROR] Errors:\s
                [ERROR]   CalcTest.divides:11 » Arithmetic / by zero
                """));
        assertThat(facts).extracting(f -> ((TestFailure) f).testName())
                .containsExactly("com.acme.CalcTest.divides", "ParserTest.parsesEmpty");
        TestFailure summaryOnly = (TestFailure) facts.get(1);
        assertThat(summaryOnly.message()).isEqualTo("expected: <0> but was: <1>");
        assertThat(summaryOnly.location()).contains(new SourceLocation("ParserTest.java", 22, 0));
    }

    @Test
    void readsGradleTestFailuresShortAndFull() {
        List<FailureFact> facts = new GradleTestParser().parse(lines("""
                > Task :app:test FAILED

                AppTest > appHasAGreeting() FAILED
                    org.opentest4j.AssertionFailedError at AppTest.java:12

                demo.CalcTest > adds() FAILED
                    org.opentest4j.AssertionFailedError: expected: <4> but was: <5>
                        at app//org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
                        at app//demo.CalcTest.adds(CalcTest.java:9)

                2 tests completed, 2 failed
                """));
        assertThat(facts).hasSize(2);
        TestFailure shortForm = (TestFailure) facts.get(0);
        assertThat(shortForm.testName()).isEqualTo("AppTest.appHasAGreeting()");
        assertThat(shortForm.location()).contains(new SourceLocation("AppTest.java", 12, 0));
        TestFailure full = (TestFailure) facts.get(1);
        assertThat(full.message()).isEqualTo("org.opentest4j.AssertionFailedError: expected: <4> but was: <5>");
        assertThat(full.frames()).extracting(StackFrame::path).containsExactly("demo/CalcTest.java");
    }

    @Test
    void readsPytestSummaryWithItsBlocksAssertionLines() {
        List<FailureFact> facts = new PytestParser().parse(lines("""
                =================================== FAILURES ===================================
                ____________________________ TestCalc.test_divide _____________________________

                self = <tests.test_calc.TestCalc object at 0x7f>

                    def test_divide(self):
                >       assert divide(7, 2) == 3.5
                E       assert 3 == 3.5
                E        +  where 3 = divide(7, 2)

                tests/test_calc.py:12: AssertionError
                _________________________________ test_parse __________________________________

                    def test_parse():
                >       parse("x")

                tests/test_parse.py:4:\s
                _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _

                    def parse(s):
                >       return int(s)
                E       ValueError: invalid literal for int() with base 10: 'x'

                src/calc/parse.py:2: ValueError
                =========================== short test summary info ============================
                FAILED tests/test_calc.py::TestCalc::test_divide - assert 3 == 3.5
                FAILED tests/test_parse.py::test_parse - ValueError: invalid literal for int() with base 10: 'x'
                ERROR tests/test_io.py - ModuleNotFoundError: No module named 'yaml'
                ========================= 2 failed, 1 error in 0.04s ==========================
                """));
        assertThat(facts).hasSize(3);
        TestFailure divide = (TestFailure) facts.get(0);
        assertThat(divide.testName()).isEqualTo("tests/test_calc.py::TestCalc::test_divide");
        assertThat(divide.message()).isEqualTo("assert 3 == 3.5");
        assertThat(divide.details()).containsExactly("assert 3 == 3.5", "+  where 3 = divide(7, 2)");
        assertThat(divide.location()).contains(new SourceLocation("tests/test_calc.py", 12, 0));
        TestFailure parse = (TestFailure) facts.get(1);
        assertThat(parse.location()).contains(new SourceLocation("src/calc/parse.py", 2, 0));
        assertThat(parse.frames()).extracting(StackFrame::path).containsExactly("src/calc/parse.py", "tests/test_parse.py");
        TestFailure collection = (TestFailure) facts.get(2);
        assertThat(collection.testName()).isEqualTo("tests/test_io.py");
        assertThat(collection.message()).startsWith("ModuleNotFoundError");
    }

    @Test
    void readsJestFailureWithExpectedAndReceived() {
        List<FailureFact> facts = new JestParser().parse(lines("""
                 FAIL  src/sum.test.js
                  math
                    ✕ adds numbers (4 ms)

                  ● math › adds numbers

                    expect(received).toBe(expected) // Object.is equality

                    Expected: 5
                    Received: 4

                      3 | describe('math', () => {
                      4 |   test('adds numbers', () => {
                    > 5 |     expect(sum(2, 2)).toBe(5);
                        |                       ^
                      6 |   });

                      at Object.toBe (src/sum.test.js:5:23)
                      at Promise.then.completed (node_modules/jest-circus/build/utils.js:298:28)

                Test Suites: 1 failed, 1 total
                """));
        assertThat(facts).hasSize(1);
        TestFailure failure = (TestFailure) facts.getFirst();
        assertThat(failure.testName()).isEqualTo("math › adds numbers");
        assertThat(failure.message()).isEqualTo("expect(received).toBe(expected) // Object.is equality");
        assertThat(failure.details()).containsExactly("Expected: 5", "Received: 4");
        assertThat(failure.frames()).containsExactly(new StackFrame("Object.toBe", "src/sum.test.js", 5));
        assertThat(failure.location()).contains(new SourceLocation("src/sum.test.js", 5, 0));
    }

    @Test
    void readsJestSuitesThatFailedToRun() {
        List<FailureFact> facts = new JestParser().parse(lines("""
                FAIL src/app.test.ts
                  ● Test suite failed to run

                    src/app.ts:3:7 - error TS2322: Type 'string' is not assignable to type 'number'.

                Test Suites: 1 failed, 1 total
                """));
        TestFailure failure = (TestFailure) facts.getFirst();
        assertThat(failure.testName()).isEqualTo("src/app.test.ts");
        assertThat(failure.message()).contains("TS2322");
    }

    @Test
    void readsVitestFailureWithDiffAndFrames() {
        List<FailureFact> facts = new VitestParser().parse(lines("""
                ⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯

                 FAIL  src/sum.test.ts > math > adds numbers
                AssertionError: expected 4 to be 5 // Object.is equality

                - Expected
                + Received

                - 5
                + 4

                 ❯ src/sum.test.ts:5:23
                      3| describe('math', () => {
                      4|   it('adds numbers', () => {
                      5|     expect(sum(2, 2)).toBe(5)
                       |                       ^

                ⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯

                 Test Files  1 failed (1)
                """));
        TestFailure failure = (TestFailure) facts.getFirst();
        assertThat(failure.testName()).isEqualTo("src/sum.test.ts > math > adds numbers");
        assertThat(failure.message()).isEqualTo("AssertionError: expected 4 to be 5 // Object.is equality");
        assertThat(failure.details()).containsExactly("- Expected", "+ Received", "- 5", "+ 4");
        assertThat(failure.location()).contains(new SourceLocation("src/sum.test.ts", 5, 0));
    }

    @Test
    void readsGoTestFailuresKeepingSubtestsNotTheirParents() {
        List<FailureFact> facts = new GoTestParser().parse(lines("""
                === RUN   TestAdd
                === RUN   TestAdd/negative
                --- FAIL: TestAdd (0.00s)
                    --- FAIL: TestAdd/negative (0.00s)
                        calc_test.go:21: Add(-1, -1) = 0; want -2
                === RUN   TestSub
                --- FAIL: TestSub (0.00s)
                    calc_test.go:30: Sub(3, 1) = 4; want 2
                        extra context line
                FAIL
                FAIL\texample.com/calc\t0.002s
                """));
        assertThat(facts).extracting(f -> ((TestFailure) f).testName()).containsExactly("TestAdd/negative", "TestSub");
        TestFailure sub = (TestFailure) facts.get(1);
        assertThat(sub.message()).isEqualTo("Sub(3, 1) = 4; want 2");
        assertThat(sub.location()).contains(new SourceLocation("calc_test.go", 30, 0));
        assertThat(sub.details()).containsExactly("extra context line");
    }

    @Test
    void attachesAGoPanicToTheRunningTest() {
        List<FailureFact> facts = new GoTestParser().parse(lines("""
                === RUN   TestIndex
                --- FAIL: TestIndex (0.00s)
                panic: runtime error: index out of range [3] with length 3 [recovered]
                \tpanic: runtime error: index out of range [3] with length 3

                goroutine 7 [running]:
                testing.tRunner.func1.2({0x5f1c40, 0xc000018150})
                \t/opt/hostedtoolcache/go/1.22.5/x64/src/testing/testing.go:1631 +0x24a
                example.com/calc.At(...)
                \t/home/runner/work/calc/calc/calc.go:10
                example.com/calc.TestIndex(0xc000007860)
                \t/home/runner/work/calc/calc/calc_test.go:40 +0x1d
                FAIL\texample.com/calc\t0.004s
                """));
        assertThat(facts).hasSize(1);
        TestFailure failure = (TestFailure) facts.getFirst();
        assertThat(failure.testName()).isEqualTo("TestIndex");
        assertThat(failure.message()).startsWith("panic: runtime error: index out of range");
        assertThat(failure.frames()).extracting(StackFrame::toString)
                .containsExactly("example.com/calc.At (calc.go:10)", "example.com/calc.TestIndex (calc_test.go:40)");
    }

    @Test
    void readsCargoTestPanicsInTheNewAndTheOldFormat() {
        List<FailureFact> facts = new CargoTestParser().parse(lines("""
                running 3 tests
                test tests::adds ... FAILED
                test tests::subs ... FAILED

                failures:

                ---- tests::adds stdout ----
                thread 'tests::adds' panicked at src/lib.rs:10:9:
                assertion `left == right` failed
                  left: 5
                 right: 4
                note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

                ---- tests::subs stdout ----
                thread 'tests::subs' panicked at 'assertion failed: `(left == right)`
                  left: `1`,
                 right: `2`', src/lib.rs:15:9

                failures:
                    tests::adds
                    tests::subs

                test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out
                """));
        assertThat(facts).hasSize(2);
        TestFailure adds = (TestFailure) facts.get(0);
        assertThat(adds.testName()).isEqualTo("tests::adds");
        assertThat(adds.message()).isEqualTo("assertion `left == right` failed");
        assertThat(adds.details()).containsExactly("left: 5", "right: 4");
        assertThat(adds.location()).contains(new SourceLocation("src/lib.rs", 10, 9));
        TestFailure subs = (TestFailure) facts.get(1);
        assertThat(subs.message()).isEqualTo("assertion failed: `(left == right)`");
        assertThat(subs.details()).containsExactly("left: `1`,", "right: `2`");
        assertThat(subs.location()).contains(new SourceLocation("src/lib.rs", 15, 9));
    }
}
